/**
 * Per-chat ordering: tasks with the same key run one after another, in the order they were
 * pushed; different keys run side by side. Two quick messages from one person are therefore
 * handled in order (what grammY runner's `sequentialize` does for Telegram).
 */
export interface KeyedQueue {
  push(key: string, task: () => Promise<void>): void;
  /** Tasks queued or running. */
  readonly size: number;
  /** Resolves once fewer than `max` tasks are queued or running. */
  room(max: number): Promise<void>;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
}

export function createKeyedQueue(onError: (error: unknown) => void): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  const waiters = new Set<() => void>();
  let size = 0;

  const settle = (key: string, tail: Promise<void>): void => {
    size--;
    if (tails.get(key) === tail) tails.delete(key);
    for (const wake of [...waiters]) wake();
  };

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
    push(key, task) {
      size++;
      const tail: Promise<void> = (tails.get(key) ?? Promise.resolve())
        .then(task)
        .catch(onError)
        .finally(() => settle(key, tail));
      tails.set(key, tail);
    },
    get size() {
      return size;
    },
    room: (max) => until(() => size < max),
    idle: () => until(() => size === 0),
  };
}
