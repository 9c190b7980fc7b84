import type { DeliberateEvent } from '@deliberate/core';
import { referenceCanonicalize } from '@deliberate/core/internal';
import { EVENT_TYPES } from '@deliberate/core/events';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyChain } from './chain.ts';
import { ClosedError, InvalidEventError, OutboxFullError } from './errors.ts';
import { createLogger } from './logger.ts';
import type { LoggerOptions } from './logger.ts';
import { createMemorySink } from './sinks/memory.ts';
import { T0, makeDraft, makeDrafts } from './testing/drafts.ts';
import type { EventSink } from './types.ts';

const KEY = 'a-deployment-secret-of-32-bytes!';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A sink whose writes stay open until the test settles them. */
function controlledSink() {
  const writes: { events: readonly DeliberateEvent[]; resolve: () => void; reject: (e: unknown) => void }[] =
    [];
  const sink: EventSink = {
    write: (events) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ events, resolve, reject });
      }),
  };
  return { sink, writes };
}

/** A scheduler that runs tasks only when the test says so. */
function manualSchedule() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (task: () => void) => void tasks.push(task),
    tasks,
    runAll() {
      while (tasks.length > 0) tasks.shift()?.();
    },
  };
}

async function hmacHex(key: string, value: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(value));
  return Buffer.from(signature).toString('hex');
}

function logger(overrides: Partial<LoggerOptions> = {}) {
  const memory = createMemorySink();
  return { memory, logger: createLogger({ sinks: [memory], pseudonymize: { key: KEY }, ...overrides }) };
}

/** The contract's hash, computed the slow, obvious way: reference RFC 8785 text, portable SHA-256. */
function contractHash(event: DeliberateEvent): string {
  const { hash: _hash, ...rest } = event;
  return bytesToHex(sha256(utf8ToBytes(referenceCanonicalize(rest))));
}

describe('createLogger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('the pseudonymisation decision', () => {
    it('refuses to create a logger without an explicit pseudonymize option', () => {
      const options = { sinks: [] } as unknown as LoggerOptions;
      expect(() => createLogger(options)).toThrow(/explicit `pseudonymize`/);
    });

    it('refuses a key shorter than 16 bytes', () => {
      expect(() => createLogger({ sinks: [], pseudonymize: { key: 'short' } })).toThrow(/at least 16 bytes/);
    });

    it('leaves ids alone when pseudonymize is explicitly false', async () => {
      const { logger: log, memory } = logger({ pseudonymize: false });
      await log.log(makeDraft('decision.opened'));
      expect(memory.events.get()[0]).toMatchObject({
        actor: { id: 'actor-jane.doe' },
        caseRef: 'case-2024-0117',
      });
    });
  });

  describe('pseudonymisation', () => {
    it('replaces actor id and case reference with ps: and 32 hex digits of HMAC-SHA-256 under the key', async () => {
      const { logger: log, memory } = logger();
      await log.log(makeDraft('decision.opened'));
      const [event] = memory.events.get();
      expect(event?.actor.id).toBe(`ps:${(await hmacHex(KEY, 'actor-jane.doe')).slice(0, 32)}`);
      expect(event?.caseRef).toBe(`ps:${(await hmacHex(KEY, 'case-2024-0117')).slice(0, 32)}`);
      expect(event?.actor.role).toBe('caseworker');
    });

    it('gives the same pseudonym under the same key and a different one under another key', async () => {
      const a = logger();
      const b = logger();
      const c = logger({ pseudonymize: { key: new Uint8Array(32).fill(7) } });
      await Promise.all([a, b, c].map(({ logger: log }) => log.log(makeDraft('decision.opened'))));
      const [ida, idb, idc] = [a, b, c].map(({ memory }) => memory.events.get()[0]?.actor.id);
      expect(ida).toBe(idb);
      expect(idc).not.toBe(ida);
    });

    it('honours a custom prefix and length, and pseudonymises extra fields', async () => {
      const { logger: log, memory } = logger({
        pseudonymize: { key: KEY, prefix: 'p-', length: 16, fields: ['data.reviewer', 'data.owners.*'] },
      });
      await log.log(makeDraft('decision.abandoned', { data: { reviewer: 'bob', owners: ['x', 42] } }));
      const [event] = memory.events.get();
      const data = event?.data as unknown as { reviewer: string; owners: string[] };
      expect(event?.actor.id).toMatch(/^p-[0-9a-f]{16}$/);
      expect(data.reviewer).toBe(`p-${(await hmacHex(KEY, 'bob')).slice(0, 16)}`);
      expect(data.owners).toEqual([
        `p-${(await hmacHex(KEY, 'x')).slice(0, 16)}`,
        `p-${(await hmacHex(KEY, '42')).slice(0, 16)}`,
      ]);
    });
  });

  describe('redaction', () => {
    it('rewrites free text before it is hashed, with the field name', async () => {
      const redact = vi.fn((text: string, _field: string) =>
        text.replace(/payslip|supervisor|documents/g, '[…]'),
      );
      const { logger: log, memory } = logger({ redact });
      await log.log([
        makeDraft('judgement.committed'),
        makeDraft('decision.finalized'),
        makeDraft('ai.stopped'),
      ]);
      const [committed, finalized, stopped] = memory.events
        .get()
        .map((event) => event.data as Record<string, unknown>);
      expect(committed?.rationale).toBe('Income […] are complete.');
      expect(finalized?.comment).toBe('The model did not see the new […].');
      expect(stopped?.reason).toBe('Model drift reported by the […].');
      expect(redact.mock.calls.map(([, field]) => field)).toEqual([
        'data.rationale',
        'data.comment',
        'data.reason',
      ]);
      expect(verifyChain(memory.events.get()).ok).toBe(true);
    });
  });

  describe('stamping', () => {
    it('stamps a UUID v7 id, the chain, seq, prev and a hash that verifies', async () => {
      const { logger: log, memory } = logger();
      const events = await log.log(makeDrafts(5));
      expect(events).toEqual(memory.events.get());
      expect(events.map((event) => event.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(events[0]?.prev).toBeNull();
      expect(events[1]?.prev).toBe(events[0]?.hash);
      for (const event of events) expect(event.id).toMatch(UUID_V7);
      expect(new Set(events.map((event) => event.chain)).size).toBe(1);
      expect(events[0]?.chain).toMatch(UUID_V7);
      expect(verifyChain(events).ok).toBe(true);
    });

    it('gives every logger its own chain', async () => {
      const a = logger();
      const b = logger();
      await a.logger.log(makeDraft('decision.opened'));
      await b.logger.log(makeDraft('decision.opened'));
      expect(a.memory.events.get()[0]?.chain).not.toBe(b.memory.events.get()[0]?.chain);
    });

    it('keeps the draft’s ts and stamps the time of the log() call on drafts without one', async () => {
      let now = T0 + 5000;
      const { logger: log, memory } = logger({ now: () => now });
      const { ts: _ts, ...withoutTs } = makeDraft('decision.abandoned');
      const pending = log.log([makeDraft('decision.opened'), withoutTs]);
      now += 60_000; // stamping happens later; the time is the call's
      await pending;
      expect(memory.events.get().map((event) => event.ts)).toEqual([
        '2025-01-01T00:00:00.000Z',
        '2025-01-01T00:00:05.000Z',
      ]);
    });

    it('returns from log() before hashing or writing anything', async () => {
      const manual = manualSchedule();
      const write = vi.fn(async () => {});
      const log = createLogger({ sinks: [{ write }], pseudonymize: { key: KEY }, schedule: manual.schedule });
      const pending = log.log(makeDraft('decision.opened'));
      expect(log.head()).toEqual({ id: expect.any(String), seq: 0, prev: null });
      expect(write).not.toHaveBeenCalled();
      manual.runAll();
      await pending;
      expect(write).toHaveBeenCalledTimes(1);
      expect(log.head()?.seq).toBe(1);
    });

    it('assigns seq in call order when log() calls overlap with slow sinks', async () => {
      let delay = 0;
      const slow: EventSink = {
        write: () => new Promise((resolve) => setTimeout(resolve, (delay = (delay + 7) % 5))),
      };
      const memory = createMemorySink();
      const log = createLogger({ sinks: [slow, memory], pseudonymize: { key: KEY } });
      const calls: Promise<DeliberateEvent[]>[] = [];
      for (let call = 0; call < 60; call++) {
        const size = (call % 3) + 1;
        const drafts = Array.from({ length: size }, (_, i) =>
          makeDraft('explanation.viewed', { data: { panel: `call-${call}-${i}` } }),
        );
        calls.push(log.log(size === 1 ? (drafts[0] as (typeof drafts)[0]) : drafts));
        if (call % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const results = await Promise.all(calls);
      const panels = results.flat().map((event) => (event.data as { panel: string }).panel);
      expect(results.flat().map((event) => event.seq)).toEqual(panels.map((_, i) => i));
      expect(panels.slice(0, 4)).toEqual(['call-0-0', 'call-1-0', 'call-1-1', 'call-2-0']);
      expect(memory.events.get()).toEqual(results.flat());
      expect(verifyChain(memory.events.get()).ok).toBe(true);
    });

    it('hashes every event as the contract says, whatever the draft holds', async () => {
      const { logger: log, memory } = logger();
      const drafts = EVENT_TYPES.flatMap((type, i) => [
        makeDraft(type),
        // Extension keys in the envelope and in data, a model, Unicode, numbers JSON writes oddly.
        {
          ...makeDraft(type, { actorId: `actor-ü-${i}`, caseRef: `case-\u{1F9FE}-${i}` }),
          model: { id: 'm', version: '2' },
          uiVariant: 'b',
          data: {
            ...makeDraft(type).data,
            note: 'Zoë “quoted” \u2028 \\ tab\t',
            tiny: 1e-7,
            big: 1e21,
            z: -0,
          },
        },
      ]);
      const events = await log.log(drafts as never);
      expect(events).toHaveLength(drafts.length);
      for (const event of events) expect(event.hash).toBe(contractHash(event));
      expect(memory.events.get()).toEqual(events);
      expect(verifyChain(events).ok).toBe(true);
    });

    it('stamps a long backlog in time slices, yielding between them, in call order', async () => {
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1)); // 1 ms per look
      let scheduled = 0;
      const memory = createMemorySink();
      const log = createLogger({
        sinks: [memory],
        pseudonymize: { key: KEY },
        schedule: (task) => {
          scheduled++;
          setTimeout(task, 0);
        },
      });
      const calls = Array.from({ length: 300 }, (_, i) =>
        log.log(
          i % 7 === 0
            ? [
                makeDraft('explanation.viewed', { data: { panel: `p-${i}-a` } }),
                makeDraft('explanation.viewed', { data: { panel: `p-${i}-b` } }),
              ]
            : makeDraft('explanation.viewed', { data: { panel: `p-${i}` } }),
        ),
      );
      const results = await Promise.all(calls);
      // One task to start, then a yield every few calls: many slices, none of them long.
      expect(scheduled).toBeGreaterThan(20);
      const events = results.flat();
      const panels = events.map((event) => (event.data as { panel: string }).panel);
      expect(panels.slice(0, 4)).toEqual(['p-0-a', 'p-0-b', 'p-1', 'p-2']);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i));
      expect(memory.events.get()).toEqual(events);
      for (const event of events) expect(event.hash).toBe(contractHash(event));
      expect(verifyChain(events).ok).toBe(true);
    });

    it('yields between slices without timer clamping when no scheduler is given', async () => {
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
      const immediate = vi.spyOn(globalThis, 'setImmediate');
      const { logger: log, memory } = logger();
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          log.log(makeDraft('explanation.viewed', { data: { panel: `p-${i}` } })),
        ),
      );
      expect(immediate.mock.calls.length).toBeGreaterThan(5);
      expect(results.flat().map((event) => event.seq)).toEqual(results.map((_, i) => i));
      expect(verifyChain(memory.events.get()).ok).toBe(true);
    });

    it('freezes stamped events so that no sink can change what another receives', async () => {
      const { logger: log } = logger();
      const [event] = await log.log(makeDraft('decision.opened'));
      expect(Object.isFrozen(event)).toBe(true);
      expect(Object.isFrozen(event?.actor)).toBe(true);
    });
  });

  describe('invalid drafts', () => {
    it('rejects a call with an invalid draft, stamps none of it, and leaves no gap', async () => {
      const { logger: log, memory } = logger();
      const bad = { ...makeDraft('decision.finalized'), data: { outcome: 'maybe' } };
      const rejected = log.log([makeDraft('decision.opened'), bad as never]);
      const fine = log.log(makeDraft('decision.abandoned'));
      await expect(rejected).rejects.toBeInstanceOf(InvalidEventError);
      await expect(rejected).rejects.toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ path: 'data.outcome' })]),
      });
      await fine;
      expect(memory.events.get().map((event) => [event.type, event.seq])).toEqual([
        ['decision.abandoned', 0],
      ]);
    });

    it('rejects text that cannot be hashed (a lone surrogate) without breaking the chain', async () => {
      const { logger: log, memory } = logger();
      const draft = makeDraft('decision.finalized', { data: { comment: 'broken \ud800 text' } });
      await expect(log.log(draft)).rejects.toBeInstanceOf(InvalidEventError);
      await log.log(makeDraft('decision.abandoned'));
      expect(memory.events.get().map((event) => event.seq)).toEqual([0]);
    });

    it('does not echo the offending value in its error', async () => {
      const { logger: log } = logger();
      const draft = { ...makeDraft('decision.opened'), ts: 'Jane Doe, born 1970' };
      await expect(log.log(draft)).rejects.toSatisfy((error: Error) => !error.message.includes('Jane'));
    });
  });

  describe('sinks', () => {
    it('resolves log() only after every sink accepted the events', async () => {
      const { sink, writes } = controlledSink();
      const memory = createMemorySink();
      const log = createLogger({ sinks: [memory, sink], pseudonymize: { key: KEY } });
      let settled = false;
      const pending = log.log(makeDraft('decision.opened')).then(() => (settled = true));
      await vi.waitFor(() => expect(writes).toHaveLength(1));
      expect(memory.events.get()).toHaveLength(1);
      expect(settled).toBe(false);
      writes[0]?.resolve();
      await pending;
      expect(settled).toBe(true);
    });

    it('rejects log() with the sink’s error when a sink fails, and delivers those events with the next write', async () => {
      const { sink, writes } = controlledSink();
      const log = createLogger({ sinks: [sink], pseudonymize: { key: KEY } });
      const first = log.log(makeDraft('decision.opened'));
      await vi.waitFor(() => expect(writes).toHaveLength(1));
      writes[0]?.reject(new OutboxFullError('max-events', 10, 10));
      await expect(first).rejects.toBeInstanceOf(OutboxFullError);

      const second = log.log(makeDraft('decision.abandoned'));
      await vi.waitFor(() => expect(writes).toHaveLength(2));
      expect(writes[1]?.events.map((event) => event.seq)).toEqual([0, 1]);
      writes[1]?.resolve();
      await expect(second).resolves.toHaveLength(1);
      expect(verifyChain(writes[1]?.events ?? []).ok).toBe(true);
    });

    it('retries a failed sink’s backlog on flush() and rejects flush() while it still fails', async () => {
      let failing = true;
      const received: DeliberateEvent[] = [];
      const flaky: EventSink = {
        write: async (events) => {
          if (failing) throw new Error('down');
          received.push(...events);
        },
      };
      const log = createLogger({ sinks: [flaky], pseudonymize: { key: KEY } });
      await expect(log.log(makeDrafts(3))).rejects.toThrow('down');
      await expect(log.flush()).rejects.toThrow('down');
      failing = false;
      await log.flush();
      expect(received.map((event) => event.seq)).toEqual([0, 1, 2]);
    });

    it('keeps delivering to healthy sinks while another fails', async () => {
      const memory = createMemorySink();
      const broken: EventSink = { write: async () => Promise.reject(new Error('broken')) };
      const log = createLogger({ sinks: [memory, broken], pseudonymize: { key: KEY } });
      await expect(log.log(makeDraft('decision.opened'))).rejects.toThrow('broken');
      expect(memory.events.get()).toHaveLength(1);
      await expect(log.log(makeDraft('decision.abandoned'))).rejects.toThrow('broken');
      expect(memory.events.get().map((event) => event.seq)).toEqual([0, 1]);
    });

    it('hands a sink at most maxBatch events per write', async () => {
      const sizes: number[] = [];
      const log = createLogger({
        sinks: [{ write: async (events) => void sizes.push(events.length) }],
        pseudonymize: { key: KEY },
        maxBatch: 4,
      });
      await log.log(makeDrafts(10));
      expect(sizes).toEqual([4, 4, 2]);
    });

    it('flushes the sinks on flush()', async () => {
      const flush = vi.fn(async () => {});
      const log = createLogger({ sinks: [{ write: async () => {}, flush }], pseudonymize: { key: KEY } });
      void log.log(makeDraft('decision.opened'));
      await log.flush();
      expect(flush).toHaveBeenCalledTimes(1);
    });

    it('closes the sinks on close() and refuses later events', async () => {
      const close = vi.fn(async () => {});
      const write = vi.fn(async () => {});
      const log = createLogger({ sinks: [{ write, close }], pseudonymize: { key: KEY } });
      const pending = log.log(makeDraft('decision.opened'));
      await log.close();
      await expect(pending).resolves.toHaveLength(1);
      expect(close).toHaveBeenCalledTimes(1);
      await expect(log.log(makeDraft('decision.opened'))).rejects.toBeInstanceOf(ClosedError);
    });
  });

  describe('chains', () => {
    it('continues a given chain head', async () => {
      const head = { id: 'chain-x', seq: 7, prev: 'b'.repeat(64) };
      const { logger: log } = logger({ chain: head });
      const [event] = await log.log(makeDraft('decision.opened'));
      expect(event).toMatchObject({ chain: 'chain-x', seq: 7, prev: 'b'.repeat(64) });
    });

    it('continues the head a promise resolves to, queueing events until then', async () => {
      let resolveHead = (_head: { id: string; seq: number; prev: string | null } | undefined) => {};
      const chain = new Promise<{ id: string; seq: number; prev: string | null } | undefined>((resolve) => {
        resolveHead = resolve;
      });
      const { logger: log, memory } = logger({ chain });
      const pending = log.log(makeDraft('decision.opened'));
      expect(log.head()).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(memory.events.get()).toHaveLength(0);
      resolveHead({ id: 'resumed', seq: 3, prev: 'c'.repeat(64) });
      await expect(pending).resolves.toEqual([expect.objectContaining({ chain: 'resumed', seq: 3 })]);
    });

    it('starts a new chain when there is nothing to resume', async () => {
      const { logger: log } = logger({ chain: Promise.resolve(undefined) });
      const [event] = await log.log(makeDraft('decision.opened'));
      expect(event).toMatchObject({ chain: expect.stringMatching(UUID_V7), seq: 0, prev: null });
    });

    it('starts a new chain and reports it when resuming fails', async () => {
      const onError = vi.fn();
      const { logger: log } = logger({ chain: Promise.reject(new Error('idb broken')), onError });
      const [event] = await log.log(makeDraft('decision.opened'));
      expect(event).toMatchObject({ seq: 0, prev: null });
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'idb broken' }));
    });

    it('refuses a chain head that contradicts itself', () => {
      expect(() => logger({ chain: { id: 'c', seq: 0, prev: 'a'.repeat(64) } })).toThrow(TypeError);
      expect(() => logger({ chain: { id: 'c', seq: 3, prev: null } })).toThrow(TypeError);
    });
  });
});
