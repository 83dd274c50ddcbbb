import { useRef, useState, type DragEvent } from 'react';
import { runsActions, showView } from './runsStore';

/** The files' texts, in the order given. */
const read = (files: File[]) => Promise.all(files.map(async (f) => ({ fileName: f.name, text: await f.text() })));

/**
 * Loads model files saved with Export: one goes into the Train view, paused; several (a class's
 * runs, picked or dropped at once) land as one group of saved runs, ticked for comparison.
 * A refused file's reason appears in the runs notice.
 */
export function ImportModel() {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onFiles = async (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (input.current) input.current.value = '';
    if (files.length === 0) return;
    if (files.length === 1) {
      const run = await runsActions.importModel(await files[0].text());
      if (run) showView('train');
      return;
    }
    await runsActions.importRuns(await read(files));
  };
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className={`import-model${over ? ' import-drop-over' : ''}`}
      data-testid="runs-drop"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void onFiles(e.dataTransfer.files);
      }}
    >
      <label htmlFor="import-model-file">Import a model file (.json) to open it in the Train view, or several at once (a class’s runs, picked or dropped here) to land as one group to compare</label>
      <input id="import-model-file" ref={input} type="file" multiple accept=".json,application/json" onChange={(e) => void onFiles(e.target.files)} />
    </div>
  );
}
