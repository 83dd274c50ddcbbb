import { useEffect, type RefObject } from 'react';

/**
 * Keeps the CSS variable `name` on the root at the element's height while `active`, for layers
 * fixed to the window that must leave it in sight. The height is the fractional one: rounded
 * (offsetHeight), a panel fixed between two bars let a row of the page show through.
 */
export function useHeightVar(ref: RefObject<HTMLElement | null>, name: string, active = true): void {
  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    const root = document.documentElement;
    const ro = new ResizeObserver(() => root.style.setProperty(name, `${el.getBoundingClientRect().height}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.removeProperty(name);
    };
  }, [ref, name, active]);
}
