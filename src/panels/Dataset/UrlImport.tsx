import { useRef, useState } from 'react';
import type { DatasetEntry } from '../../data/manifest';
import { fetchRemoteManifest, type RemoteManifest } from '../../data/urlImport';
import { ProgressBar } from '../../ui/ProgressBar';
import { TextField } from '../../ui/TextField';
import { catalogActions } from './catalogStore';
import { formatBytes } from '../Cache/bytes';
import { plainError } from '../../plainError';

type Busy = { label: string; done: number; total: number } | null;

const downloadSize = (d: DatasetEntry) => (['train', 'test'] as const).reduce((n, s) => n + d.splits[s].images.bytes + d.splits[s].labels.bytes, 0);

/** A dataset hosted anywhere, described by a manifest.json in the documented format. */
export function UrlImport() {
  const [url, setUrl] = useState('');
  const [remote, setRemote] = useState<RemoteManifest | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const fetchManifest = async () => {
    setError(null);
    setDone(null);
    setRemote(null);
    setBusy({ label: 'Reading the manifest…', done: 0, total: 1 });
    try {
      setRemote(await fetchRemoteManifest(url));
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(null);
    }
  };

  const download = async (d: DatasetEntry) => {
    if (!remote) return;
    setError(null);
    setDone(null);
    const ctl = new AbortController();
    abort.current = ctl;
    setBusy({ label: `Downloading ${d.name}`, done: 0, total: 1 });
    try {
      const fetchImpl: typeof fetch = (input, init) => fetch(input, { ...init, signal: ctl.signal });
      // Stored, listed and selected by the action.
      const r = await catalogActions.importFromUrl(remote, d.id, { fetchImpl, onProgress: (p) => setBusy(p) });
      setDone(r.warning ?? `Added “${d.name}”; it is now the selected dataset.`);
    } catch (e) {
      setError(ctl.signal.aborted ? 'Download cancelled. Files already verified are kept, so trying again continues where it stopped.' : plainError(e));
    } finally {
      abort.current = null;
      setBusy(null);
    }
  };

  return (
    <div className="url-import">
      <p className="field-hint">A course can host any dataset as a manifest.json with gzip’d files (see the README). Files are checked against the manifest’s sha256 before anything is kept.</p>
      <TextField id="manifest-url" label="Manifest URL" value={url} onChange={setUrl} hint="e.g. https://example.org/course/datasets/manifest.json" />
      <button type="button" className="btn btn-small" onClick={fetchManifest} disabled={busy !== null}>
        Fetch manifest
      </button>
      {remote ? (
        <ul className="url-datasets" aria-label="Datasets in the manifest">
          {remote.manifest.datasets.map((d) => (
            <li key={d.id}>
              <span>
                <strong>{d.name}</strong> — {d.splits.train.count.toLocaleString('en')} train, {d.splits.test.count.toLocaleString('en')} test, {d.shape.join('×')}, {formatBytes(downloadSize(d))}
              </span>
              <button type="button" className="btn btn-small" onClick={() => download(d)} disabled={busy !== null}>
                Download {d.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {busy ? (
        <div className="busy-row">
          <ProgressBar testId="url-progress" value={busy.done} max={busy.total} label={busy.label} />
          {abort.current ? (
            <button type="button" className="btn btn-small btn-quiet" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="field-error url-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="import-done" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}
