/// <reference lib="webworker" />
import type { BackendName } from '../config/experiment';
import type { Command, DebugCommand, TrainerEvent } from '../protocol';
import { nextBackend } from '../config/fallback';
import { watchDevice } from './deviceLoss';
import { isDebugCommand, runDebugCommand } from './testHooks';
import { loadTrainingData } from './data';
import { chooseBackend } from './backend';
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

self.onmessage = (ev: MessageEvent<Command | DebugCommand>) => {
  const cmd = ev.data;
  // Fault injection for tests (a crash, the GPU device, the disk); compiled out of production.
  if (__VAE_TEST_HOOKS__ && isDebugCommand(cmd)) runDebugCommand(cmd);
  else void core.handle(cmd as Command);
};
