import type { BackendChoice, BackendName } from '../config/experiment';
import type { BackendProbe, TrainerEvent } from '../protocol';
import type { RecorderOptions } from './checkpoint';
import type { TrainingData } from './session';

export interface DatasetInfo {
  name: string;
  attribution: string;
  fromCache: boolean;
  warning?: string;
}

/** What the core needs from the thread it runs on: the worker entry and Node tests each provide one. */
export interface CoreHost {
  emit(event: TrainerEvent, transfer?: Transferable[]): void;
  now(): number;
  /** Lets queued commands (pause, step) in between training slices. */
  yieldToEvents(): Promise<void>;
  loadData(
    datasetId: string,
    manifestUrl: string,
    onProgress: (label: string, done: number, total: number) => void,
  ): Promise<{ data: TrainingData; info: DatasetInfo }>;
  chooseBackend(
    choice: BackendChoice,
    onProgress: (label: string, done: number, total: number) => void,
  ): Promise<{ name: BackendName; reason: string; probes: BackendProbe[]; threads: number; threadNote?: string }>;
  /** Where runs are saved and how they are locked; IndexedDB and Web Locks unless a test says otherwise. */
  runs?: RecorderOptions;
}
