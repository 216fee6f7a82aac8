import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InvalidData } from '../../src/app/app.tsx';
import { validateGraphs } from '../../src/model/validate.ts';
import { figure, files } from '../helpers/fixtures.ts';

describe('start-up with broken graph files', () => {
  it('lists every error with its file, line and JSON path instead of drawing a wrong atlas', () => {
    const f = figure();
    f.edges[0]!.refs = [500];
    f.edges[1]!.target = 'missing';
    const r = validateGraphs(files({ figures: { 'figures/f1.json': f } }));
    render(<InvalidData errors={r.errors} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('the graph files have errors');
    const items = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^figures\/f1\.json:\d+:\d+ \$\.edges\[0\]\.refs\[0\]: reference 500 is outside 1–147$/);
    expect(items[1]).toMatch(/^figures\/f1\.json:\d+:\d+ \$\.edges\[1\]\.target: target "missing" is not a node of this figure$/);
  });
});
