/**
 * Two tabs never write the same run: a tab writes a run's checkpoints only while it holds the
 * Web Lock `vae-run-<id>` (navigator.locks, shared by every tab and worker of the origin). A run
 * whose lock another tab holds is alive there, so it is not offered for resume and cannot be
 * resumed here. The browser releases a lock when its holder's tab or worker goes away, crash
 * included. Without the Locks API (old browsers, Node) every lock is granted.
 */

interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown>;
}

export interface RunLocks {
  /** Takes the run's lock, waiting up to `waitMs` for a holder that is going away; false if still held. */
  acquire(id: string, waitMs?: number): Promise<boolean>;
  release(id: string): void;
}

export const lockName = (id: string) => `vae-run-${id}`;

export function webLocks(manager: LockManagerLike | undefined = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks): RunLocks {
  const held = new Map<string, () => void>();
  return {
    acquire(id, waitMs = 0) {
      if (held.has(id)) return Promise.resolve(true);
      if (!manager) {
        held.set(id, () => undefined);
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const options = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
        manager
          .request(lockName(id), options, (lock) => {
            if (!lock) return resolve(false);
            resolve(true);
            // The lock is held until this promise settles.
            return new Promise<void>((release) => held.set(id, release));
          })
          .catch(() => resolve(false)); // timed out waiting
      });
    },
    release(id) {
      held.get(id)?.();
      held.delete(id);
    },
  };
}
