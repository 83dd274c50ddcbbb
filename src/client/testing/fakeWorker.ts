import type { Command, DebugCommand, TrainerEvent } from '../../protocol';
import type { WorkerLike } from '../TrainerClient';

/**
 * A worker for the client's tests: records what is posted, fires events and errors on demand, and
 * (with `answersPings`) answers pings until it is terminated or falls `silent` (killed or hung
 * behind the client's back).
 */
export class FakeWorker implements WorkerLike {
  posted: (Command | DebugCommand)[] = [];
  terminated = false;
  silent = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;

  constructor(private readonly answersPings = false) {}

  postMessage(m: Command | DebugCommand): void {
    this.posted.push(m);
    if (this.answersPings && m.type === 'ping' && !this.terminated && !this.silent) queueMicrotask(() => this.fire({ type: 'pong' }));
  }
  terminate(): void {
    this.terminated = true;
  }
  fire(e: TrainerEvent): void {
    this.onmessage?.({ data: e } as MessageEvent);
  }
  crash(message = 'boom'): boolean {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    return prevented;
  }
}
