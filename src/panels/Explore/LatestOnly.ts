/**
 * Runs tasks one at a time, keeping only the newest waiting one: hovering across a thousand points
 * asks the worker about at most two of them, the one in flight and the last one hovered.
 */
export class LatestOnly {
  private running = false;
  private next: (() => Promise<void>) | null = null;

  run(task: () => Promise<void>): void {
    if (this.running) {
      this.next = task;
      return;
    }
    this.running = true;
    task()
      .catch(() => {
        // The task shows its own errors.
      })
      .finally(() => {
        this.running = false;
        const t = this.next;
        this.next = null;
        if (t) this.run(t);
      });
  }
}
