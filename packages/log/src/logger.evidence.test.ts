import type { DeliberateEvent } from '@deliberate/core';
import { createCommitmentSalt, EVENT_LIMITS, judgementCommitment, verifyCommitment } from '@deliberate/core';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './chain.ts';
import { EventLimitError, InvalidEventError, NotPseudonymousError } from './errors.ts';
import { createLogger } from './logger.ts';
import type { LoggerOptions } from './logger.ts';
import { createPseudonymizer } from './pseudonymize.ts';
import { createMemorySink } from './sinks/memory.ts';
import { createOutbox } from './sinks/outbox.ts';
import { makeChain, makeDraft, makeDrafts } from './testing/drafts.ts';
import type { EventSink } from './types.ts';

/*
 * The logger's part of "evidence that holds against an attacker": poison drafts refused at
 * log() by the collector's limits, redacted judgements sealed (no salt in the log), the browser
 * mode without a key, a pseudonymisable decisionId, and `subscribe` for what the log holds.
 */

const KEY = 'a-deployment-secret-of-32-bytes!';
const pseudonym = createPseudonymizer({ key: KEY });

function logger(overrides: Partial<LoggerOptions> = {}) {
  const memory = createMemorySink();
  const errors: unknown[] = [];
  const log = createLogger({
    sinks: [memory],
    pseudonymize: { key: KEY },
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { memory, logger: log, errors };
}

/** An object nested `depth` levels below `data.ext`. */
function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < depth; i++) {
    const next: Record<string, unknown> = {};
    node.x = next;
    node = next;
  }
  return root;
}

/** A draft whose serialised event is `bytes` bytes long before stamping adds its fields. */
function draftOfBytes(bytes: number) {
  const base = makeDraft('decision.opened', { data: { note: '' } });
  const padding = bytes - new TextEncoder().encode(JSON.stringify(base)).length;
  return makeDraft('decision.opened', { data: { note: 'a'.repeat(padding) } });
}

describe('the logger against poison drafts (event limits)', () => {
  it('refuses a draft nested 4 100 levels deep with EventLimitError naming the field, and logs on', async () => {
    // Through the fake-IndexedDB outbox, whose structured clone crashed Node on this draft.
    const delivered: DeliberateEvent[] = [];
    const transport: EventSink = { write: async (events) => void delivered.push(...events) };
    const outbox = createOutbox({ transport, indexedDB: new IDBFactory(), locks: null });
    const { logger: log, errors } = logger({ sinks: [outbox] });
    const poison = log.log(makeDraft('decision.opened', { data: { ext: nested(4_100) } }));
    const after = log.log(makeDrafts(3));

    const error = await poison.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventLimitError);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error).toMatchObject({ name: 'EventLimitError', code: 'too-deep', index: 0 });
    const limit = error as EventLimitError;
    expect(limit.field.startsWith('data.ext.x.x')).toBe(true);
    expect(limit.path).toHaveLength(EVENT_LIMITS.maxDepth);
    expect(limit.message).toContain('nested deeper than 32 levels');
    expect(errors).toEqual([error]);

    const events = await after;
    expect(events.map((event) => event.seq)).toEqual([0, 1, 2]);
    await log.flush();
    expect(delivered.map((event) => event.seq)).toEqual([0, 1, 2]);
    expect(verifyChain(delivered).ok).toBe(true);
    await outbox.close();
  });

  it('has the outbox refuse a direct writer’s poison event before IndexedDB sees it, and keep working', async () => {
    const delivered: DeliberateEvent[] = [];
    const transport: EventSink = { write: async (events) => void delivered.push(...events) };
    const outbox = createOutbox({ transport, indexedDB: new IDBFactory(), locks: null });
    const [good, other] = makeChain(2);
    const poison = { ...good, id: 'deep', data: { ext: nested(4_100) } } as unknown as DeliberateEvent;
    await expect(outbox.write([good as DeliberateEvent, poison])).rejects.toMatchObject({
      name: 'EventLimitError',
      code: 'too-deep',
      index: 1,
    });
    expect(outbox.status.get().pending).toBe(0);
    await outbox.write([good, other] as DeliberateEvent[]);
    await outbox.flush();
    expect(delivered.map((event) => event.id)).toEqual([good?.id, other?.id]);
    await outbox.close();
  });

  it('names the draft of a call that breaks a limit and stamps none of that call', async () => {
    const { logger: log, memory } = logger();
    const drafts = makeDrafts(3);
    const call = log.log([
      drafts[0],
      { ...drafts[1], data: { ...drafts[1]?.data, note: 'x \udc00' } },
    ] as never);
    await expect(call).rejects.toMatchObject({
      name: 'EventLimitError',
      code: 'invalid-string',
      field: 'data.note',
      index: 1,
      issues: [{ path: 'data.note' }],
    });
    await log.log(makeDraft('decision.abandoned'));
    expect(memory.events.get().map((event) => [event.type, event.seq])).toEqual([['decision.abandoned', 0]]);
  });

  it('counts the stamp: refuses a draft that only the stamped event makes larger than 256 KiB', async () => {
    const { logger: log, memory } = logger();
    // Small enough as a draft, too large with id, chain, seq, prev and hash added.
    const tight = draftOfBytes(EVENT_LIMITS.maxBytes - 100);
    await expect(log.log(tight)).rejects.toMatchObject({ code: 'too-large', field: '' });
    const fits = draftOfBytes(EVENT_LIMITS.maxBytes - 400);
    const [event] = await log.log(fits);
    expect(new TextEncoder().encode(JSON.stringify(event)).length).toBeLessThanOrEqual(EVENT_LIMITS.maxBytes);
    expect(memory.events.get()).toHaveLength(1);
  });

  it('refuses a cyclic draft as too deep rather than failing to copy it', async () => {
    const { logger: log } = logger();
    const ext: Record<string, unknown> = {};
    ext.self = ext;
    await expect(log.log(makeDraft('decision.opened', { data: { ext } }))).rejects.toMatchObject({
      code: 'too-deep',
    });
  });

  it('never turns an ignored refusal into an unhandled rejection (which would end a Node process)', async () => {
    const { logger: log, errors } = logger();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      void log.log(makeDraft('decision.opened', { data: { ext: nested(100) } }));
      await log.flush();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(EventLimitError);
  });
});

describe('redaction seals the judgement commitment', () => {
  const salted = (rationale: string) =>
    makeDraft('judgement.committed', {
      data: { rationale, salt: 'ab'.repeat(16), commitmentVersion: 2, commitment: 'c'.repeat(64) },
    });

  it('removes data.salt when the redact hook changed the rationale, and keeps the commitment', async () => {
    const { logger: log } = logger({ redact: (text) => text.replace('Erika Mustermann', '[name]') });
    const [event] = await log.log(salted('Spoke with Erika Mustermann.'));
    const data = event?.data as Record<string, unknown>;
    expect(data.rationale).toBe('Spoke with [name].');
    expect(data).not.toHaveProperty('salt');
    expect(data.commitment).toBe('c'.repeat(64));
    expect(data.commitmentVersion).toBe(2);
    expect(JSON.stringify(event)).not.toContain('ab'.repeat(16));
  });

  it('keeps the salt when the rationale was left as it was (nothing is hidden then)', async () => {
    const { logger: log } = logger({ redact: (text) => text.replace('Erika Mustermann', '[name]') });
    const [event] = await log.log(salted('Income documents are complete.'));
    expect((event?.data as Record<string, unknown>).salt).toBe('ab'.repeat(16));
  });

  it('leaves the salt alone without a redact hook, and on events other than judgement.committed', async () => {
    const { logger: log } = logger();
    const [event] = await log.log(salted('Spoke with Erika Mustermann.'));
    expect((event?.data as Record<string, unknown>).salt).toBe('ab'.repeat(16));
    const redacting = logger({ redact: () => '[redacted]' });
    const [finalized] = await redacting.logger.log(
      makeDraft('decision.finalized', { data: { comment: 'x', salt: 'kept' } }),
    );
    expect((finalized?.data as Record<string, unknown>).salt).toBe('kept');
  });
});

describe('a redacted judgement against a dictionary attack', () => {
  it('proves the disclosed text with the kept salt, and no guess of 20 000 names verifies from the log', async () => {
    const rationale = 'Spoke with Erika Mustermann about the payslip.';
    const judgement = { label: 'approve', confidence: 0.7 };
    const salt = createCommitmentSalt();
    const draft = makeDraft('judgement.committed', {
      data: {
        judgement,
        rationale,
        salt,
        commitmentVersion: 2,
        commitment: judgementCommitment('decision-1', judgement, rationale, salt),
      },
    });
    const { logger: log } = logger({ redact: (text) => text.replace('Erika Mustermann', '[name]') });
    const [event] = await log.log(draft);
    const logged = event as unknown as Parameters<typeof verifyCommitment>[0];

    expect(verifyCommitment(logged, { rationale, salt })).toBe(true);
    expect(
      verifyCommitment(logged, { rationale: 'Spoke with Max Mustermann about the payslip.', salt }),
    ).toBe(false);
    // The attacker has the log only: the template, the commitment, no salt. The right name is
    // among the guesses.
    const names = Array.from({ length: 20_000 }, (_, i) => `Person ${i}`);
    names[13_378] = 'Erika Mustermann';
    const hits = names.filter((name) =>
      verifyCommitment(logged, { rationale: `Spoke with ${name} about the payslip.` }),
    );
    expect(hits).toEqual([]);
  });

  it('still proves it with a pseudonymised decisionId, given the raw id the procedure keeps', async () => {
    const rationale = 'Spoke with Erika Mustermann.';
    const judgement = { label: 'approve' };
    const salt = createCommitmentSalt();
    const { logger: log } = logger({
      pseudonymize: { key: KEY, decisionId: true },
      redact: (text) => text.replace('Erika Mustermann', '[name]'),
    });
    const [event] = await log.log(
      makeDraft('judgement.committed', {
        data: {
          judgement,
          rationale,
          salt,
          commitmentVersion: 2,
          commitment: judgementCommitment('decision-1', judgement, rationale, salt),
        },
      }),
    );
    const logged = event as unknown as Parameters<typeof verifyCommitment>[0];
    expect(logged.decisionId).toBe(pseudonym('decision-1'));
    expect(verifyCommitment(logged, { rationale, salt })).toBe(false);
    expect(verifyCommitment({ ...logged, decisionId: 'decision-1' }, { rationale, salt })).toBe(true);
  });
});

describe('browser mode: pseudonyms computed upstream, no key in the page', () => {
  const upstreamDraft = (overrides: { actorId?: string; caseRef?: string; decisionId?: string } = {}) =>
    makeDraft('decision.opened', {
      actorId: overrides.actorId ?? pseudonym('actor-jane.doe'),
      caseRef: overrides.caseRef ?? pseudonym('case-2024-0117'),
      decisionId: overrides.decisionId ?? 'decision-1',
    });

  it('logs drafts whose ids the backend pseudonymised, unchanged', async () => {
    const { logger: log } = logger({ pseudonymize: { upstream: true } });
    const [event] = await log.log(upstreamDraft());
    expect(event?.actor.id).toBe(pseudonym('actor-jane.doe'));
    expect(event?.caseRef).toBe(pseudonym('case-2024-0117'));
  });

  it.each([
    ['actor.id', { actorId: 'actor-jane.doe' }],
    ['caseRef', { caseRef: 'case-2024-0117' }],
    ['caseRef', { caseRef: 'ps:123456' }],
    ['caseRef', { caseRef: pseudonym('x').toUpperCase() }],
  ])('refuses a raw-looking %s without echoing it, and sends nothing of that call', async (field, ids) => {
    const { logger: log, memory, errors } = logger({ pseudonymize: { upstream: true } });
    const call = log.log([upstreamDraft(), upstreamDraft(ids)]);
    const error = await call.then(
      () => undefined,
      (e: unknown) => e as NotPseudonymousError,
    );
    expect(error).toBeInstanceOf(NotPseudonymousError);
    expect(error).toMatchObject({ field, index: 1 });
    expect(error?.message).toContain('ps: followed by 32 lowercase hex digits');
    for (const raw of Object.values(ids)) expect(error?.message).not.toContain(raw);
    expect(errors).toEqual([error]);
    expect(memory.events.get()).toEqual([]);
  });

  it('checks decisionId and extra fields when configured, numbers included', async () => {
    const { logger: log } = logger({
      pseudonymize: { upstream: true, decisionId: true, fields: ['data.reviewer'] },
    });
    await expect(log.log(upstreamDraft({ decisionId: 'decision-1' }))).rejects.toMatchObject({
      field: 'decisionId',
    });
    const reviewed = (reviewer: unknown) =>
      makeDraft('outcome.recorded', {
        actorId: pseudonym('a'),
        caseRef: pseudonym('c'),
        decisionId: pseudonym('d'),
        data: { reviewer },
      });
    await expect(log.log(reviewed(4711))).rejects.toMatchObject({ field: 'data.reviewer' });
    const [event] = await log.log(reviewed(pseudonym('reviewer-1')));
    expect(event?.decisionId).toBe(pseudonym('d'));
  });

  it('honours a custom pseudonym form', async () => {
    const { logger: log } = logger({ pseudonymize: { upstream: true, prefix: 'p-', length: 8 } });
    await expect(
      log.log(upstreamDraft({ actorId: 'p-0123abcd', caseRef: 'p-89abcdef' })),
    ).resolves.toHaveLength(1);
    await expect(
      log.log(upstreamDraft({ actorId: 'p-0123abcdX', caseRef: 'p-89abcdef' })),
    ).rejects.toMatchObject({
      field: 'actor.id',
    });
  });

  it('refuses a key given together with upstream, and a malformed mode', () => {
    expect(() => createLogger({ sinks: [], pseudonymize: { upstream: true, key: KEY } as never })).toThrow(
      /takes no key/,
    );
    expect(() => createLogger({ sinks: [], pseudonymize: { upstream: 'yes' } as never })).toThrow(
      /either \{ upstream: true \} or \{ key \}/,
    );
    expect(() => createLogger({ sinks: [], pseudonymize: true as never })).toThrow(/pseudonymize must be/);
  });
});

describe('a pseudonymised decisionId', () => {
  it('replaces decisionId by its pseudonym, the same for every event of a decision', async () => {
    const { logger: log } = logger({ pseudonymize: { key: KEY, decisionId: true } });
    const events = await log.log(makeDrafts(10));
    expect(events.map((event) => event.decisionId)).toEqual([
      ...Array<string>(5).fill(pseudonym('decision-0')),
      ...Array<string>(5).fill(pseudonym('decision-1')),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/"decision-\d"/);
    expect(verifyChain(events).ok).toBe(true);
  });

  it('is left as it is unless asked for', async () => {
    const { logger: log } = logger();
    const [event] = await log.log(makeDraft('decision.opened'));
    expect(event?.decisionId).toBe('decision-1');
  });
});

describe('subscribe: what the log holds, never the drafts', () => {
  it('hands out every call’s stamped, pseudonymised events once, in chain order', async () => {
    const { logger: log } = logger();
    const seen: (readonly DeliberateEvent[])[] = [];
    log.subscribe((events) => seen.push(events));
    const first = await log.log(makeDrafts(2));
    const second = await log.log(makeDraft('decision.abandoned'));
    expect(seen).toEqual([first, second]);
    expect(seen.flat().map((event) => event.seq)).toEqual([0, 1, 2]);
    expect(seen.flat().every((event) => event.actor.id === pseudonym('actor-jane.doe'))).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('case-2024-0117');
    expect(Object.isFrozen(seen[0]?.[0])).toBe(true);
  });

  it('announces events before the sinks accepted them, and nothing of a refused call', async () => {
    let accept: () => void = () => {};
    const slow: EventSink = { write: () => new Promise<void>((resolve) => (accept = resolve)) };
    const { logger: log } = logger({ sinks: [slow] });
    const seen: DeliberateEvent[] = [];
    log.subscribe((events) => seen.push(...events));
    void log.log({ ...makeDraft('decision.opened'), ts: 'not a time' });
    const pending = log.log(makeDraft('decision.opened'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.map((event) => event.seq)).toEqual([0]);
    accept();
    await pending;
  });

  it('stops after unsubscribing, and reports a throwing listener without stopping the log', async () => {
    const { logger: log, errors } = logger();
    const seen: number[] = [];
    const off = log.subscribe((events) => seen.push(events.length));
    log.subscribe(() => {
      throw new Error('listener broke');
    });
    await log.log(makeDraft('decision.opened'));
    off();
    const [event] = await log.log(makeDraft('decision.abandoned'));
    expect(seen).toEqual([1]);
    expect(event?.seq).toBe(1);
    expect(errors.map(String)).toEqual(['Error: listener broke', 'Error: listener broke']);
  });
});
