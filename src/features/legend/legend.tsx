import { useAtomValue } from 'jotai';
import { useState } from 'react';
import { EDGE_COLOUR } from '../../theme/kinds.ts';
import { legendItems } from '../../theme/legend-items.ts';
import { arrowPath, shapePath } from '../../theme/shapes.ts';
import { activeSourcesAtom, currentViewAtom, decorationsAtom, modelAtom, requireModel, sourceOrderAtom } from '../../state/atoms.ts';
import { colourClass, sourceColour } from '../../theme/sources.ts';

/** Key to the shapes, colours and arrow heads of the current view; collapsible so it never hides the graph. */
export function Legend() {
  const view = useAtomValue(currentViewAtom);
  const model = requireModel(useAtomValue(modelAtom));
  const decorations = useAtomValue(decorationsAtom);
  const active = useAtomValue(activeSourcesAtom);
  const order = useAtomValue(sourceOrderAtom);
  const [open, setOpen] = useState(true);
  const items = legendItems(view);
  // Source colours are on screen: say which colour is which, and what the badge means.
  const showSources = [...decorations.nodes.values()].some((d) => d.sourceColours.length > 0);
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
                  {style.borderStyle === 'double' && (
                    <path d={shapePath(style.shape, 17, 9, 24, 10)} fill="none" stroke={style.border} strokeWidth={1} />
                  )}
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
          {showSources && (
            <ul aria-label="Cell sources">
              {active.map((id) => (
                <li key={id}>
                  <span className={`swatch ${colourClass(sourceColour(order, id))}`} aria-hidden="true" />
                  {model.entities.get(id)?.label}
                </li>
              ))}
              <li>
                <svg width="20" height="18" aria-hidden="true">
                  <circle cx="10" cy="9" r="8" fill="#000" />
                  <text x="10" y="13" fontSize="11" fontWeight="600" fill="#fff" textAnchor="middle">
                    2
                  </text>
                </svg>
                black outline and count: acted on by that many active sources
              </li>
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
