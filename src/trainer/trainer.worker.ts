/// <reference lib="webworker" />
import type { Command } from '../protocol';
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
  chooseBackend: (choice, onProgress) =>
    chooseBackend(choice, (budget) => probeSpeed(config(), budget, () => performance.now()), onProgress),
});

self.onmessage = (ev: MessageEvent<Command>) => void core.handle(ev.data);
