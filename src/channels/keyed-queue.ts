/**
 * Per-chat ordering for every channel: work with the same key runs one after another, in the
 * order it was queued; different keys run side by side. Two quick messages or taps from one
 * person are therefore handled in order (what grammY runner's `sequentialize` does for Telegram's
 * updates). A failure settles only its own work; the next in line still runs.
 */
export interface KeyedQueue {
  /** Queues `work` behind the work already queued for `key`; settles as `work` does. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Work queued or running. */
  readonly size: number;
  /** Resolves once fewer than `max` are queued or running (back-pressure for a poller). */
  room(max: number): Promise<void>;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  const waiters = new Set<() => void>();
  let size = 0;

  const until = (done: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      if (done()) return resolve();
      const check = (): void => {
        if (!done()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });

  return {
    run(key, work) {
      size++;
      const next = (tails.get(key) ?? Promise.resolve()).then(work, work);
      const tail = next.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        size--;
        if (tails.get(key) === tail) tails.delete(key);
        for (const wake of [...waiters]) wake();
      });
      return next;
    },
    get size() {
      return size;
    },
    room: (max) => until(() => size < max),
    idle: () => until(() => size === 0),
  };
}
