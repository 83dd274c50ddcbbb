/**
 * The worker's side of the test hooks (DebugCommand in src/protocol/debug.ts). trainer.worker.ts
 * calls in here only behind `__VAE_TEST_HOOKS__`, so a production build drops this file.
 */
import type { DebugCommand } from '../protocol';
import { loseDevice } from './deviceLoss';

export function isDebugCommand(cmd: { type: string }): cmd is DebugCommand {
  return cmd.type === 'crash' || cmd.type === 'loseDevice' || cmd.type === 'failStorage';
}

export function runDebugCommand(cmd: DebugCommand): void {
  switch (cmd.type) {
    case 'crash':
      // Thrown outside every handler, so the worker dies as it would on a real fault.
      setTimeout(() => {
        throw new Error('Worker crash requested by a test hook.');
      });
      return;
    case 'loseDevice':
      loseDevice();
      return;
    case 'failStorage':
      failStorage(cmd.fail);
  }
}

let realPut: IDBObjectStore['put'] | null = null;

/**
 * From now on, putting a checkpoint's weights record throws QuotaExceededError, as a full disk
 * would midway through a save (the run summary and curves of the same transaction were already
 * put). The app must keep the previous checkpoint whole and say so.
 */
export function failStorage(fail: boolean): void {
  const proto = (globalThis as { IDBObjectStore?: { prototype: IDBObjectStore } }).IDBObjectStore?.prototype;
  if (!proto) return;
  realPut ??= proto.put;
  const put = realPut;
  proto.put = fail
    ? (function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (this.name === 'checkpoints' && String(key).startsWith('state/')) throw new DOMException('The quota has been exceeded (test hook).', 'QuotaExceededError');
        return put.call(this, value, key);
      } as IDBObjectStore['put'])
    : put;
}
