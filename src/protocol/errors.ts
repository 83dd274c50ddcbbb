/**
 * Every code an `error` event may carry: a typed union, so a comparison with a misspelt code
 * fails to compile instead of silently never matching.
 */

/** Why a dataset could not be loaded (thrown as DatasetError in src/data/, passed on by the worker). */
export type DatasetErrorCode =
  | 'network' // fetch itself failed: offline, DNS, CORS
  | 'http' // the server answered, but not 2xx
  | 'corrupt' // the body claims gzip but does not inflate
  | 'size-mismatch'
  | 'hash-mismatch'
  | 'manifest' // manifest missing, malformed, or without the requested dataset
  | 'missing' // a dataset with no source to fetch from (an upload) lost its stored files
  | 'storage'; // the browser would not keep what was downloaded (quota, private mode)

const DATASET_ERROR_CODES: readonly DatasetErrorCode[] = ['network', 'http', 'corrupt', 'size-mismatch', 'hash-mismatch', 'manifest', 'missing', 'storage'];

/** Raised by the worker. */
export type TrainerErrorCode =
  | 'invalid-config' // a config field out of range (carries `field`)
  | 'non-finite-loss' // the step was undone and training paused
  | 'trainer-failed' // anything else that went wrong in the worker
  | 'device-lost' // the GPU device or context went away; the client restarts on another backend
  | 'checkpoint-quota' // storage full: checkpoints stopped, training goes on
  | 'checkpoint-failed';

/** Raised by the page's client about the worker itself. */
export type ClientErrorCode =
  | 'worker-crashed' // the worker died or stopped answering; recovery restarts it and resumes
  | 'message-error'; // a message from the worker could not be read

export type ErrorCode = DatasetErrorCode | TrainerErrorCode | ClientErrorCode;

/** The code an error thrown in the worker carries, if it is one of ours; otherwise trainer-failed. */
export function errorCodeOf(err: unknown): ErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (DATASET_ERROR_CODES as readonly string[]).includes(code) ? (code as DatasetErrorCode) : 'trainer-failed';
}
