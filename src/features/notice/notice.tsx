import { useAtom } from 'jotai';
import { noticeAtom } from '../../state/atoms.ts';

/** A visible, dismissable message (e.g. a link that named something that does not exist). */
export function Notice() {
  const [notice, setNotice] = useAtom(noticeAtom);
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <span>{notice}</span>
      <button type="button" onClick={() => setNotice(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
