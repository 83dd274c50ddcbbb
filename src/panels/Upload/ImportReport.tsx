import type { ImportResult } from '../../data/upload/importImages';

/** What an import did: the classes made, and every file skipped with its reason (names as plain text). */
export function ImportReport({ result }: { result: ImportResult }) {
  return (
    <div className="import-report">
      {result.ok ? (
        <p className="import-done" role="status" data-testid="import-summary">
          Imported {result.report.count.toLocaleString('en')} images in {result.report.classes.length} {result.report.classes.length === 1 ? 'class' : 'classes'} as “{result.report.name}”: {result.report.train.toLocaleString('en')} for training, {result.report.test.toLocaleString('en')} for testing.
        </p>
      ) : (
        <p className="field-error" role="alert">
          {result.message}
        </p>
      )}
      {result.ok ? (
        <ul className="import-classes" aria-label="Imported classes">
          {result.report.classes.map((c) => (
            <li key={c.name}>
              {c.name}: {c.count.toLocaleString('en')}
            </li>
          ))}
        </ul>
      ) : null}
      {result.skipped.length ? (
        <details open={result.skipped.length <= 20}>
          <summary>
            Skipped {result.skipped.length} file{result.skipped.length > 1 ? 's' : ''}
          </summary>
          <ul className="skipped" aria-label="Skipped files">
            {result.skipped.map((s, i) => (
              <li key={i}>
                <code>{s.path}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.ignored ? <p className="field-hint">Ignored {result.ignored} hidden or system file{result.ignored > 1 ? 's' : ''} (.DS_Store, __MACOSX, …).</p> : null}
    </div>
  );
}
