import { trainingActions, useTraining } from '../../ui/stores';

/** Trainer errors, each until dismissed (a network error offers a retry). Hidden (and out of the accessibility tree) when empty. */
export function ErrorArea() {
  const errors = useTraining((s) => s.errors);
  return (
    <div className="error-area" data-testid="error-area" role="alert" hidden={errors.length === 0}>
      {errors.map((e) => (
        <div key={e.id} className="error-item">
          <p>{e.message}</p>
          {e.code === 'network' ? (
            // A dropped connection is worth another try; verified files already downloaded are kept.
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                trainingActions.dismissError(e.id);
                trainingActions.train();
              }}
            >
              Retry the download
            </button>
          ) : null}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => trainingActions.dismissError(e.id)} aria-label={`Dismiss: ${e.message}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
