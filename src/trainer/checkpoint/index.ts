/** What the trainer core uses of the checkpoint layer (autosave, resume, runs, model files). */
export { checkInputShape } from './modelFile';
export { RunRecorder, type OpenedRun, type RecorderOptions } from './recorder';
export { answerRuns, findResumable, openSaved, refuseEarly } from './requests';
export { captureSession, restoreSession } from './snapshot';
