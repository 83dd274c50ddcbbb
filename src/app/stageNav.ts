import { viewStore } from '../store/view';
import { stage, stagedPanel } from '../ui/stage';

/** The panels a lecture moves between, in order: each full screen in turn (PageDown / PageUp). */
export const STAGE_ORDER: readonly { view: string; panel: string }[] = [
  { view: 'train', panel: 'curves' },
  { view: 'train', panel: 'samples' },
  { view: 'explore', panel: 'scatter' },
  { view: 'explore', panel: 'manifold' },
  { view: 'draw', panel: 'completion' },
];

function findPanel(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.panel[data-panel-id="${id}"]`);
}

/** A view shown for the first time mounts on the next render: wait for its panel a little. */
function whenPanel(id: string, then: (el: HTMLElement) => void, tries = 30): void {
  const el = findPanel(id);
  if (el) then(el);
  else if (tries > 0) requestAnimationFrame(() => whenPanel(id, then, tries - 1));
}

/** Shows a panel's view and brings the panel into sight: full screen when `full`, else scrolled to. */
export function showPanel(view: string, panel: string, full: boolean): void {
  if (full || stagedPanel()) stage(null);
  viewStore.getState().show(view);
  whenPanel(panel, (el) => (full ? stage(el) : el.scrollIntoView({ block: 'start' })));
}

/** Moves the full-screen panel `dir` places along STAGE_ORDER (from the first when none is shown). */
export function moveStage(dir: 1 | -1): void {
  const current = stagedPanel()?.dataset.panelId;
  const at = STAGE_ORDER.findIndex((s) => s.panel === current);
  const next = at < 0 ? (dir > 0 ? 0 : STAGE_ORDER.length - 1) : (at + dir + STAGE_ORDER.length) % STAGE_ORDER.length;
  const target = STAGE_ORDER[next];
  stage(null);
  viewStore.getState().show(target.view);
  whenPanel(target.panel, (el) => stage(el));
}
