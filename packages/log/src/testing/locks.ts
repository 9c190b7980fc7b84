import type { LockManagerLike } from '../sinks/outbox.ts';

/**
 * A minimal in-memory Web Locks implementation (exclusive locks, `ifAvailable`), shared by the
 * "tabs" of a test the way `navigator.locks` is shared by a browser's tabs. `drop()` releases
 * everything a "tab" held, as a browser does when a page goes away.
 */
export function createFakeLocks() {
  const heldBy = new Map<string, symbol>();
  const queues = new Map<string, (() => void)[]>();

  function release(name: string) {
    heldBy.delete(name);
    queues.get(name)?.shift()?.();
  }

  function tab(): LockManagerLike & { drop(): void } {
    const owner = Symbol('tab');
    const mine = new Set<string>();
    const request = (async (name: string, ...rest: unknown[]) => {
      const callback = rest.at(-1) as (lock: unknown) => unknown;
      const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean };
      if (heldBy.has(name)) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve) => {
          const queue = queues.get(name) ?? [];
          queue.push(resolve);
          queues.set(name, queue);
        });
      }
      heldBy.set(name, owner);
      mine.add(name);
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        if (heldBy.get(name) === owner) {
          mine.delete(name);
          release(name);
        }
      }
    }) as LockManagerLike['request'];
    return {
      request,
      drop() {
        for (const name of mine) release(name);
        mine.clear();
      },
    };
  }

  return { tab, isHeld: (name: string) => heldBy.has(name) };
}
