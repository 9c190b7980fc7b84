import type { ChainCheckpoint } from '@deliberate/core/events';
import type { CheckpointSigner } from './keys.ts';
import type { CollectorLogger } from './log.ts';
import type { CheckpointStore, EventStore } from './store.ts';

/** Default time between checkpoint rounds. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;

/** Checkpoints signed per turn of the event loop. */
const SIGN_SLICE = 200;

/** Signs the heads of changed chains, on a schedule and on demand. */
export interface Checkpointer {
  /**
   * Signs and stores a checkpoint for every chain whose head moved since its last checkpoint;
   * resolves with how many were signed. Rounds never overlap: a call during a round waits for it
   * and then runs one more, so what was stored before the call is covered when it resolves.
   */
  round(): Promise<number>;
  /** Starts the schedule (the timer does not keep the process alive). */
  start(): void;
  /** Stops the schedule and waits for a running round. */
  stop(): Promise<void>;
}

/** A {@link Checkpointer} over `store` that signs with `signer` every `intervalMs`. */
export function createCheckpointer(
  store: EventStore & CheckpointStore,
  signer: CheckpointSigner,
  intervalMs: number,
  log: CollectorLogger,
): Checkpointer {
  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;

  async function once(): Promise<number> {
    const { heads, mark } = await store.changedHeads();
    const signed: ChainCheckpoint[] = [];
    for (let i = 0; i < heads.length; i++) {
      if (i > 0 && i % SIGN_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const head = heads[i];
      if (head) signed.push(signer.checkpoint(head));
    }
    await store.appendCheckpoints(signed, mark);
    if (signed.length > 0)
      log({ level: 'info', msg: 'checkpoints signed', chains: signed.length, keyId: signer.keyId });
    return signed.length;
  }

  const round = (): Promise<number> => {
    running = running.catch(() => 0).then(once);
    return running;
  };

  return {
    round,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        round().catch((error: unknown) =>
          log({
            level: 'error',
            msg: 'checkpoint round failed',
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running.catch(() => 0);
    },
  };
}
