/**
 * Keeps phonePortraitAtom in step with the screen: a phone turned upright gets the portrait drawings of figures
 * (layout/portrait.ts), turned sideways the usual ones.
 */
import { useSetAtom } from 'jotai';
import { useEffect } from 'react';
import { PHONE_PORTRAIT_QUERY, phonePortraitAtom } from './atoms.ts';

export function usePhonePortrait() {
  const set = useSetAtom(phonePortraitAtom);
  useEffect(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const query = window.matchMedia(PHONE_PORTRAIT_QUERY);
    const update = () => set(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [set]);
}
