import { useCallback, useEffect, useState } from 'react';
import { summarize, type CacheSummary } from '../../data/registry';
import { requestPersistence, storageEstimate, type StorageEstimate } from '../../data/storage';
import { catalogActions, refreshCatalog, useCatalog } from '../Dataset/catalogStore';
import { formatBytes } from './bytes';
import { plainError } from '../../plainError';

const ORIGIN = { builtin: 'built-in', url: 'from a URL', upload: 'your images' } as const;

/** What this browser keeps: each dataset's size, the site's quota, deletion, and persistence. */
export function CachePanel() {
  const [summary, setSummary] = useState<CacheSummary | null>(null);
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const version = useCatalog((s) => s.version);

  const reload = useCallback(async () => {
    try {
      const [s, e] = await Promise.all([summarize(), storageEstimate()]);
      setSummary(s);
      setEstimate(e);
    } catch (e) {
      setMessage(`Storage could not be read: ${plainError(e)}`);
    }
  }, []);
  useEffect(() => void reload(), [reload, version]);

  // Deletions are catalog actions: they tell the worker, and move the selection off a deleted dataset.
  const act = async (what: () => Promise<void>, done: string) => {
    setMessage(null);
    try {
      await what();
      setMessage(done);
    } catch (e) {
      setMessage(`That did not work: ${plainError(e)} The app keeps working; reload the page to retry.`);
    }
    setConfirmAll(false);
    await refreshCatalog();
    await reload();
  };

  const persist = async () => {
    const granted = await requestPersistence();
    setMessage(granted === null ? 'This browser cannot promise to keep the data.' : granted ? 'The browser will keep this site’s data even when space runs low.' : 'The browser declined for now (browsers decide by how much you use a site); the data stays until space runs low.');
    await reload();
  };

  const datasets = summary?.datasets ?? [];
  return (
    <div className="cache-panel">
      <p data-testid="storage-usage">{usageText(estimate, summary)}</p>
      <p className="field-hint">
        {estimate?.persisted ? 'Persistent: the browser keeps this data under storage pressure.' : 'Not persistent: the browser may clear this data when space runs low.'}{' '}
        {!estimate?.persisted ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={persist}>
            Keep data persistent
          </button>
        ) : null}
      </p>
      {datasets.length ? (
        <table className="cache-table">
          <caption>Datasets stored in this browser</caption>
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map(({ record, bytes, missing }) => (
              <tr key={record.id}>
                <th scope="row">
                  {record.entry.name} <span className="dataset-facts">({ORIGIN[record.origin]}{missing ? `, ${missing} file${missing > 1 ? 's' : ''} missing` : ''})</span>
                </th>
                <td className="num">{formatBytes(bytes)}</td>
                <td>
                  <button type="button" className="btn btn-small btn-quiet" aria-label={`Delete ${record.entry.name}`} onClick={() => act(() => catalogActions.remove([record.id]), `Deleted “${record.entry.name}”.`)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="field-hint">No dataset is stored in this browser yet.</p>
      )}
      {summary && summary.unused.count > 0 ? (
        <p className="field-hint">
          {summary.unused.count} leftover file{summary.unused.count > 1 ? 's' : ''} ({formatBytes(summary.unused.bytes)}) from an interrupted download or an older version.{' '}
          <button type="button" className="btn btn-small btn-quiet" onClick={() => act(() => catalogActions.removeLeftovers(summary.unused.keys), 'Removed the leftover files.')}>
            Remove leftovers
          </button>
        </p>
      ) : null}
      {summary && summary.previews.count > 0 ? <p className="field-hint">Example images for the dataset list: {formatBytes(summary.previews.bytes)}.</p> : null}
      {summary && summary.models.count > 0 ? (
        <p className="field-hint">
          Trained starting points opened before, kept to open again without a download: {summary.models.count} ({formatBytes(summary.models.bytes)}).
        </p>
      ) : null}
      {summary && summary.totalBytes > 0 ? (
        confirmAll ? (
          <p className="confirm-row">
            Delete every stored dataset ({formatBytes(summary.totalBytes)}), your imported images included?{' '}
            <button type="button" className="btn btn-small" onClick={() => act(() => catalogActions.remove(datasets.map((d) => d.record.id), true), 'Deleted every stored dataset.')}>
              Yes, delete all
            </button>{' '}
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirmAll(false)}>
              Keep them
            </button>
          </p>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => setConfirmAll(true)}>
            Delete all stored datasets…
          </button>
        )
      ) : null}
      {message ? (
        <p className="cache-message" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}

function usageText(e: StorageEstimate | null, s: CacheSummary | null): string {
  const datasets = s ? `Datasets use ${formatBytes(s.totalBytes)}.` : '';
  if (!e || e.usage === null || e.quota === null) return `${datasets} This browser does not say how much space the site may use.`.trim();
  const pct = e.quota > 0 ? (100 * e.usage) / e.quota : 0;
  return `${datasets} The site uses ${formatBytes(e.usage)} of the ${formatBytes(e.quota)} this browser allows it (${pct < 1 ? pct.toFixed(2) : pct.toFixed(0)}%).`.trim();
}
