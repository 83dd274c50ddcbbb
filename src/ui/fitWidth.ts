/**
 * Shrinks an element's type until its content fits its width, so a formula scales down on a
 * narrow or zoomed screen instead of being clipped mid-expression. Returns the stop function.
 */
export function fitToWidth(el: HTMLElement, minScale = 0.4): { fit(): void; stop(): void } {
  const fit = () => {
    el.style.fontSize = '';
    const avail = el.clientWidth;
    const need = el.scrollWidth;
    if (avail > 0 && need > avail + 1) el.style.fontSize = `${Math.max(minScale, (avail - 2) / need).toFixed(3)}em`;
  };
  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => fit()) : null;
  ro?.observe(el);
  fit();
  return { fit, stop: () => ro?.disconnect() };
}
