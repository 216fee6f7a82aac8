/**
 * The JSON Schema files in graphs/schema are what an editor checks the data files against while one types
 * (each data file names its schema in "$schema"). They must say exactly what the validator says: every limit,
 * pattern, choice and field description of src/model/schema.ts. Written by `npm run schema`; this test fails when
 * the validator changed and the files were not written again, or when a file was edited by hand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entitiesFileSchema, figureFileSchema, referencesFileSchema } from '../../src/model/schema.ts';

const committed = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../graphs/schema', name), 'utf8')) as Record<string, unknown>;
/** As scripts/gen-schema.ts writes it: the input side (defaults make fields optional), draft 2020-12. */
const generated = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });

describe('the JSON Schema files editors check the data with', () => {
  it.each([
    ['entities.schema.json', entitiesFileSchema],
    ['references.schema.json', referencesFileSchema],
    ['figure.schema.json', figureFileSchema],
  ] as const)('%s says what the validator says', (name, schema) => {
    const { title, ...rest } = committed(name);
    expect(title).toMatch(/^MSC–POF Atlas /);
    expect(rest).toEqual(generated(schema));
  });

  it('an editor reading them knows the required fields, the limits and the descriptions', () => {
    const figure = committed('figure.schema.json') as { required: string[]; properties: Record<string, { maxLength?: number }> };
    expect(figure.required).toEqual(expect.arrayContaining(['id', 'order', 'label', 'title', 'caption', 'section', 'sources', 'nodes', 'edges']));
    expect(figure.properties.label!.maxLength).toBe(30);
    const edge = (figure.properties as unknown as { edges: { items: { required: string[]; properties: Record<string, { description?: string }> } } }).edges.items;
    expect(edge.required).toContain('note');
    expect(edge.properties.note!.description).toBe('One line in our own words');
  });
});
