/**
 * Cytoscape adds a `<style>` element to the page the first time it draws (one rule: its container is
 * `position: relative`), unless an element with its id already exists. Under the app's Content-Security-Policy
 * (`style-src 'self'`, no inline styles) that element would be refused and reported. The rule lives in app.css
 * instead, and this placeholder tells cytoscape it is already there.
 * See cytoscape's BaseRenderer init (`__________cytoscape_stylesheet`).
 */
const ID = '__________cytoscape_stylesheet';

export function claimContainerStylesheet(doc: Document | undefined = globalThis.document) {
  if (!doc || doc.getElementById(ID)) return;
  const marker = doc.createElement('meta');
  marker.id = ID;
  marker.name = 'cytoscape-container-style';
  marker.content = 'in app.css';
  doc.head.appendChild(marker);
}
