import type { Command, TrainerEvent } from '../../protocol';
import type { WorkerPort } from '../TrainerClient';

/**
 * A worker for the client's tests: records what is posted, fires events and errors on demand, and
 * (with `answersPings`) answers pings until it is terminated or falls `silent` (killed or hung
 * behind the client's back).
 */
export class FakeWorker implements WorkerPort {
  posted: Command[] = [];
  terminated = false;
  silent = false;
  onmessage: WorkerPort['onmessage'] = null;
  onerror: WorkerPort['onerror'] = null;
  onmessageerror: WorkerPort['onmessageerror'] = null;

  constructor(private readonly answersPings = false) {}

  postMessage(m: Command): void {
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
