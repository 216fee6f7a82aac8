/**
 * A file dropped on the window before the open-file code has loaded (it loads after the first picture): the browser
 * would otherwise open the file in place of the app. Caught from the first script on, kept, and handed to the
 * open-file code when it takes over the window's drops (open-file.tsx).
 */
let pending: File | null = null;
const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
const over = (e: DragEvent) => {
  if (hasFiles(e)) e.preventDefault();
};
const drop = (e: DragEvent) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  pending = e.dataTransfer?.files[0] ?? pending;
};

/** From the first script: drops are caught and kept until takeEarlyDrop(). */
export function catchEarlyDrops() {
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
}

/** The open-file code takes over the window's drops: the early catcher stops, and hands over what it kept. */
export function takeEarlyDrop(): File | null {
  window.removeEventListener('dragover', over);
  window.removeEventListener('drop', drop);
  const file = pending;
  pending = null;
  return file;
}
