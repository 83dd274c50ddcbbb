/// <reference lib="webworker" />
import type { BackendName } from '../config/experiment';
import type { Command, TrainerEvent } from '../protocol';
import { nextBackend } from '../config/fallback';
import { loseDevice, watchDevice } from './deviceLoss';
import { failStorage } from './storageFault';
import { loadTrainingData } from './data';
import { chooseBackend, useWasmWithThreads } from './backend';
import { checkThreads, timeKernels } from './wasm/threadCheck';
import { TrainerCore } from './core';
import { probeSpeed } from './probe';

declare const self: DedicatedWorkerGlobalScope;

// A MessageChannel hop yields to queued commands without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const config = () => core.currentConfig;
const core: TrainerCore = new TrainerCore({
  emit: (event, transfer) => self.postMessage(event, transfer ?? []),
  now: () => performance.now(),
  yieldToEvents: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    }),
  loadData: loadTrainingData,
  chooseBackend: async (choice, onProgress) => {
    const chosen = await chooseBackend(choice, (budget) => probeSpeed(config(), budget, () => performance.now()), onProgress);
    watchDevice(chosen.name, deviceLost);
    return chosen;
  },
});

/** The page replaces this worker when it sees this error, and resumes the run on the next backend. */
function deviceLost(backend: BackendName, reason: string): void {
  const next = nextBackend(backend);
  self.postMessage({
    type: 'error',
    code: 'device-lost',
    message: `The ${backend} device was lost (${reason}). Training switches to ${next} and continues from the last checkpoint (or starts again, if none was saved yet).`,
    recoverable: true,
  } satisfies TrainerEvent);
}

async function threadCheck(): Promise<void> {
  try {
    await useWasmWithThreads();
    self.postMessage({ type: 'threadCheck', ...checkThreads(), timings: timeKernels() } satisfies TrainerEvent);
  } catch (e) {
    self.postMessage({ type: 'threadCheck', threads: 0, compared: [], differing: [], error: e instanceof Error ? e.message : String(e) } satisfies TrainerEvent);
  }
}

self.onmessage = (ev: MessageEvent<Command>) => {
  const cmd = ev.data;
  // Test hooks for faults that live outside the core: the GPU device, the disk.
  if (cmd.type === 'loseDevice') loseDevice();
  else if (cmd.type === 'failStorage') failStorage(cmd.fail);
  else if (cmd.type === 'checkThreads') void threadCheck();
  else void core.handle(cmd);
};
