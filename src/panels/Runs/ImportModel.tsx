import { useRef } from 'react';
import { runsActions, showView } from './runsStore';

/** Loads a model file saved with Export; a refused file's reason appears in the runs notice. */
export function ImportModel() {
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const run = await runsActions.importModel(await file.text());
    if (input.current) input.current.value = '';
    if (run) showView('train');
  };
  return (
    <div className="import-model">
      <label htmlFor="import-model-file">Import a model file (.json)</label>
      <input id="import-model-file" ref={input} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} />
    </div>
  );
}
