/// <reference lib="webworker" />
import type { BackendName, ExperimentConfig } from '../config/experiment';
import type { Command, DebugCommand, TrainerEvent } from '../protocol';
import { nextBackend } from '../config/fallback';
import { watchDevice } from './deviceLoss';
import { isDebugCommand, runDebugCommand } from './testHooks';
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
    const chosen = await chooseBackend(choice, speedProbe, onProgress, { reprobe: reprobeInBackground });
    watchDevice(chosen.name, deviceLost);
    return chosen;
  },
});

const speedProbe = (budget: number) => probeSpeed(config(), budget, () => performance.now());

/** Message to a copy of this worker that only probes (and saves the verdict for the next visit). */
const PROBE_ONLY = 'vae-probe-only';
/** Waits this long after a warm start, so the re-probe does not compete with the first steps for a core. */
const REPROBE_DELAY_MS = 15_000;

/**
 * A warm start trained at once on the remembered backend; the probe is re-run here, away from the
 * training thread (switching tfjs's backend under a live run is not possible), by a copy of this
 * very worker script, so the next visit uses a fresh verdict.
 */
function reprobeInBackground(): void {
  setTimeout(() => {
    try {
      const w = new Worker(self.location.href, { type: 'module' });
      w.onmessage = (e: MessageEvent<{ type?: string }>) => {
        if (e.data?.type === PROBE_ONLY) w.terminate();
      };
      w.onerror = () => w.terminate();
      w.postMessage({ type: PROBE_ONLY, config: config() });
    } catch {
      // No nested workers in this browser: the verdict is re-probed when it expires.
    }
  }, REPROBE_DELAY_MS);
}

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

self.onmessage = (ev: MessageEvent<Command | DebugCommand | { type: typeof PROBE_ONLY; config: ExperimentConfig }>) => {
  const cmd = ev.data;
  if (cmd.type === PROBE_ONLY) {
    const probeConfig = cmd.config;
    void chooseBackend('auto', (budget) => probeSpeed(probeConfig, budget, () => performance.now()), () => {}, { fresh: true })
      .catch(() => null)
      .then(() => self.postMessage({ type: PROBE_ONLY }));
    return;
  }
  // Fault injection and checks for tests (a crash, the GPU device, the disk, the threads); compiled out of production.
  if (__VAE_TEST_HOOKS__ && cmd.type === 'checkThreads') void threadCheck();
  else if (__VAE_TEST_HOOKS__ && isDebugCommand(cmd)) runDebugCommand(cmd);
  else void core.handle(cmd as Command);
};
