import { useAtomValue } from 'jotai';
import { useState } from 'react';
import { EDGE_COLOUR } from '../../theme/kinds.ts';
import { legendItems } from '../../theme/legend-items.ts';
import { arrowPath, shapePath } from '../../theme/shapes.ts';
import { currentViewAtom } from '../../state/atoms.ts';

/** Key to the shapes, colours and arrow heads of the current view; collapsible so it never hides the graph. */
export function Legend() {
  const view = useAtomValue(currentViewAtom);
  const [open, setOpen] = useState(true);
  const items = legendItems(view);
  return (
    <section className={`legend ${open ? 'open' : 'closed'}`} aria-labelledby="legend-heading">
      <h2 id="legend-heading">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Legend
        </button>
      </h2>
      {open && (
        <div className="legend-body">
          <ul aria-label="Kinds of entity">
            {items.kinds.map(({ kind, label, style }) => (
              <li key={kind}>
                <svg width="34" height="18" aria-hidden="true">
                  <path
                    d={shapePath(style.shape, 17, 9, 30, 15)}
                    fill={style.fill}
                    stroke={style.border}
                    strokeWidth={Math.min(style.borderWidth, 2)}
                    strokeDasharray={style.borderStyle === 'dashed' ? '3 2' : undefined}
                  />
                </svg>
                {label}
              </li>
            ))}
          </ul>
          <ul aria-label="Kinds of relation">
            {items.relations.map(({ group, style }) => {
              const head = arrowPath(style.arrow, 40, 9, 1, 0, 6);
              return (
                <li key={group}>
                  <svg width="44" height="18" aria-hidden="true">
                    <line
                      x1="2"
                      y1="9"
                      x2="33"
                      y2="9"
                      stroke={EDGE_COLOUR}
                      strokeWidth="1.6"
                      strokeDasharray={style.line === 'dashed' ? '5 3' : style.line === 'dotted' ? '1.5 2.5' : undefined}
                    />
                    <path d={head.d} fill={head.strokeOnly || style.hollow ? 'white' : EDGE_COLOUR} stroke={EDGE_COLOUR} strokeWidth={head.strokeOnly ? 2.2 : 1.2} />
                  </svg>
                  {group}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
