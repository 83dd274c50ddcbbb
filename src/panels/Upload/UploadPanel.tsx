import { useRef, useState, type DragEvent } from 'react';
import { IMPORT_LIMITS, type ImportResult, type PickedFile } from '../../data/upload/importImages';
import { decodeImage } from '../../data/upload/decodeImage';
import { ProgressBar } from '../../ui/ProgressBar';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { catalogActions } from '../Dataset/catalogStore';
import { ImportReport } from './ImportReport';
import { fromDrop, fromInput, suggestName } from './pickFiles';
import { plainError } from '../../plainError';

const SIZES = IMPORT_LIMITS.sizes.map((s) => ({ value: String(s), label: `${s} × ${s}` }));
const COLOURS = [
  { value: '1', label: 'Greyscale' },
  { value: '3', label: 'RGB colour' },
];

/**
 * Import a folder (class sub-folders become labels), several files, or a zip of images. Runs in
 * the page: decoding needs createImageBitmap and a canvas, and TensorFlow.js is not involved.
 */
export function UploadPanel() {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [name, setName] = useState('');
  const [size, setSize] = useState('28');
  const [channels, setChannels] = useState('1');
  const [testPct, setTestPct] = useState('20');
  const [busy, setBusy] = useState<{ done: number; total: number; label: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const choose = (picked: PickedFile[]) => {
    setFiles(picked);
    setResult(null);
    if (picked.length) setName(suggestName(picked));
  };
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(await fromDrop(e.dataTransfer));
  };
  const pct = Number(testPct);
  const pctError = Number.isFinite(pct) && pct >= 5 && pct <= 50 ? undefined : 'Test share must be a number from 5 to 50 (percent).';

  const run = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setResult(null);
    setBusy({ done: 0, total: files.length, label: 'Starting' });
    const r = await catalogActions.importImages(files, { name, size: Number(size), channels: channels === '3' ? 3 : 1, testFraction: pct / 100, signal: ctl.signal, onProgress: (done, total, label) => setBusy({ done, total, label }) }, { decode: decodeImage }).catch(
      (e: unknown): ImportResult => ({ ok: false, message: `The import failed: ${plainError(e)}`, skipped: [], ignored: 0 }),
    );
    abort.current = null;
    setBusy(null);
    setResult(r);
    // A successful import is stored, listed and selected by the action.
    if (r.ok) setFiles([]);
  };

  return (
    <div className="upload-panel">
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop a folder, images or a .zip here, or choose:</p>
        <label className="file-pick">
          Choose a folder
          <input type="file" multiple {...{ webkitdirectory: '' }} onChange={(e) => choose(fromInput(e.target.files))} />
        </label>
        <label className="file-pick">
          Choose images or a .zip
          <input type="file" multiple accept="image/png,image/jpeg,image/gif,image/webp,image/bmp,.zip,application/zip" onChange={(e) => choose(fromInput(e.target.files))} />
        </label>
        <p className="field-hint">Sub-folders name the classes (cats/…, dogs/…). PNG and JPEG up to 20 MB each.</p>
      </div>
      {files.length ? <p data-testid="upload-chosen">{files.length.toLocaleString('en')} file{files.length > 1 ? 's' : ''} chosen.</p> : null}
      <TextField id="upload-name" label="Dataset name" value={name} onChange={setName} />
      <SelectField id="upload-size" label="Image size" value={size} options={SIZES} onChange={setSize} hint="Each image is scaled to fit and padded with black to keep its shape." />
      <SelectField id="upload-colour" label="Colour" value={channels} options={COLOURS} onChange={setChannels} />
      <TextField id="upload-test" label="Test share (%)" value={testPct} onChange={setTestPct} error={pctError} inputMode="numeric" />
      <div className="busy-row">
        <button type="button" className="btn btn-primary btn-small" disabled={!files.length || busy !== null || !!pctError || !name.trim()} onClick={run}>
          Import images
        </button>
        {busy ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => abort.current?.abort()}>
            Cancel import
          </button>
        ) : null}
      </div>
      {busy ? <ProgressBar testId="upload-progress" value={busy.done} max={busy.total} label={busy.label} /> : null}
      {result ? <ImportReport result={result} /> : null}
    </div>
  );
}
