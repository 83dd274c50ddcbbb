import { useEffect, useState } from 'react';
import { displayActions, displayStore } from '../store/display';
import { stagedPanel } from '../ui/stage';
import { trainingStore } from '../store/stores';
import { promptsActions } from '../ui/stores';
import { viewStore } from '../store/view';
import { Dialog } from './Dialog';
import { moveStage } from './stageNav';
import { SHORTCUTS, VIEW_IDS, shortcutFor, type ShortcutAction } from './shortcuts';

function trainOrPause(): void {
  const { state, actions } = trainingStore.getState();
  if (state === 'training') actions.pause();
  else if (state === 'paused') actions.resume();
  // While data and backend load nothing can pause yet, as with the Train button.
  else if (state !== 'loading') actions.train();
}

/** A view switched from the keyboard: focus left inside the view now hidden would be lost. */
function showView(index: number): void {
  const id = VIEW_IDS[index];
  const focused = document.activeElement;
  if (focused instanceof HTMLElement && focused.closest('[role=tabpanel]')) focused.blur();
  viewStore.getState().show(id);
}

/** The page-wide shortcuts and the shortcut sheet (?). */
export function Keyboard() {
  const [sheet, setSheet] = useState(false);

  useEffect(() => {
    const run: Record<ShortcutAction['kind'], (a: ShortcutAction) => void> = {
      'train-pause': trainOrPause,
      step: () => trainingStore.getState().actions.step(),
      reset: () => promptsActions.requestReset(),
      view: (a) => a.kind === 'view' && showView(a.index),
      help: () => setSheet(true),
      presenter: () => displayActions.togglePresenter(),
      stage: (a) => a.kind === 'stage' && moveStage(a.dir),
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // Open dialogs keep their keys (Tab, Enter, Esc) to themselves.
      if (document.querySelector('dialog[open]')) return;
      const t = e.target instanceof Element ? e.target : document.body;
      const action = shortcutFor(e, {
        tagName: t.tagName,
        type: t.getAttribute('type') ?? undefined,
        isContentEditable: t instanceof HTMLElement && t.isContentEditable,
        role: t.getAttribute('role'),
      });
      if (!action) return;
      // Page Down scrolls the page as usual, except on a stage: Presenter mode or a panel full screen.
      if (action.kind === 'stage' && !displayStore.getState().presenter && !stagedPanel()) return;
      // The key is the shortcut's, repeats included: a Page Down held on the timeline slider must
      // neither act twice nor fall through to the slider (one key, one thing).
      e.preventDefault();
      if (e.repeat) return;
      run[action.kind](action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <Dialog id="shortcut-sheet" title="Keyboard shortcuts" open={sheet} onClose={() => setSheet(false)}>
        <table className="shortcut-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="panel-note">Shortcuts rest while you type in a field. Tab moves between controls; arrow keys move between tabs.</p>
        <div className="dialog-buttons">
          <button type="button" className="btn" autoFocus onClick={() => setSheet(false)}>
            Close
          </button>
        </div>
      </Dialog>
    </>
  );
}
