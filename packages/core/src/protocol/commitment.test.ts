import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionEventDraftSchema } from '../events/schema.ts';
import type { DecisionEventDraft } from '../events/schema.ts';
import { hashCanonical } from '../util/hash.ts';
import {
  createCommitmentSalt,
  judgementCommitment,
  judgementCommitmentV1,
  verifyCommitment,
} from './commitment.ts';
import { SALT, T0, makeInit } from './fixtures.ts';
import { decide, initDecision } from './reducer.ts';
import type { CommitAction, DecisionAction, DecisionState } from './types.ts';

/*
 * The salted (version 2) judgement commitment: what the reducer logs, how a redacted event is
 * proven with the procedure's disclosure, that version-1 events still verify, and that the
 * dictionary attack which recovered a redacted rationale from the unsalted commitment fails.
 */

type CommittedDraft = DecisionEventDraft<'judgement.committed'>;

const NAME = 'Erika Mustermann';

function open(): DecisionState {
  return initDecision(makeInit(), T0).state;
}

function commit(action: Omit<CommitAction, 'type'>, state = open()) {
  const result = decide(state, { type: 'commit', ...action }, T0 + 1000);
  if (!result.ok) throw new Error(`unexpected refusal: ${JSON.stringify(result.error)}`);
  const [event] = result.events;
  if (event?.type !== 'judgement.committed') throw new Error('expected judgement.committed');
  return { state: result.state, event };
}

/** What the logger writes when it redacts the rationale: no text, no salt. */
function redact(event: CommittedDraft): CommittedDraft {
  const { rationale: _rationale, salt: _salt, ...data } = event.data;
  return { ...event, data };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the version-2 commitment the reducer logs', () => {
  it('carries commitmentVersion 2, the salt, and a commitment over judgement, rationale and salt', () => {
    const { state, event } = commit({ judgement: { label: 'reject' }, rationale: NAME, salt: SALT });
    expect(event.data).toMatchObject({ commitmentVersion: 2, salt: SALT, rationale: NAME });
    expect(event.data.commitment).toBe(
      hashCanonical({
        v: 2,
        decisionId: 'dec-1',
        judgement: { label: 'reject' },
        rationale: NAME,
        salt: SALT,
      }),
    );
    expect(event.data.commitment).toBe(judgementCommitment('dec-1', { label: 'reject' }, NAME, SALT));
    expect(verifyCommitment(event)).toBe(true);
    expect(state.judgement).toMatchObject({ salt: SALT, commitment: event.data.commitment, rationale: NAME });
    expect(DecisionEventDraftSchema.safeParse(event).success).toBe(true);
  });

  it('gives two commits of the same judgement and rationale different commitments', () => {
    const action = { judgement: { label: 'reject' }, rationale: NAME };
    const first = commit({ ...action, salt: createCommitmentSalt() }).event;
    const second = commit({ ...action, salt: createCommitmentSalt() }).event;
    expect(first.data.salt).not.toBe(second.data.salt);
    expect(first.data.commitment).not.toBe(second.data.commitment);
    expect(verifyCommitment(first)).toBe(true);
    expect(verifyCommitment(second)).toBe(true);
  });

  it('fails for a changed judgement, rationale, salt or decision', () => {
    const { event } = commit({ judgement: { label: 'reject' }, rationale: NAME, salt: SALT });
    const other = createCommitmentSalt();
    expect(verifyCommitment({ ...event, data: { ...event.data, judgement: { label: 'approve' } } })).toBe(
      false,
    );
    expect(verifyCommitment({ ...event, data: { ...event.data, rationale: 'Max Mustermann' } })).toBe(false);
    expect(verifyCommitment({ ...event, data: { ...event.data, salt: other } })).toBe(false);
    expect(verifyCommitment({ ...event, decisionId: 'dec-2' })).toBe(false);
  });
});

describe('proving a redacted judgement with the procedure’s disclosure', () => {
  const { state, event } = commit({ judgement: { label: 'reject' }, rationale: NAME, salt: SALT });
  const redacted = redact(event);

  it('cannot be checked from the redacted event alone', () => {
    expect(redacted.data).not.toHaveProperty('salt');
    expect(redacted.data).not.toHaveProperty('rationale');
    expect(verifyCommitment(redacted)).toBe(false);
  });

  it('verifies with the text and salt the procedure kept in state.judgement', () => {
    const kept = { rationale: state.judgement?.rationale, salt: state.judgement?.salt };
    expect(kept).toEqual({ rationale: NAME, salt: SALT });
    expect(verifyCommitment(redacted, kept)).toBe(true);
  });

  it('fails with the wrong salt or the wrong text', () => {
    expect(verifyCommitment(redacted, { rationale: NAME, salt: createCommitmentSalt() })).toBe(false);
    expect(verifyCommitment(redacted, { rationale: NAME, salt: SALT.replace(/^./, '6') })).toBe(false);
    expect(verifyCommitment(redacted, { rationale: 'Erika Musterfrau', salt: SALT })).toBe(false);
    expect(verifyCommitment(redacted, { rationale: `${NAME} `, salt: SALT })).toBe(false);
    expect(verifyCommitment(redacted, { salt: SALT })).toBe(false);
    expect(verifyCommitment(redacted, { rationale: NAME })).toBe(false);
  });

  it('fails, without throwing, for a malformed disclosed salt', () => {
    for (const salt of ['', 'abc', SALT.toUpperCase(), `${SALT.slice(0, 63)}x`]) {
      expect(verifyCommitment(redacted, { rationale: NAME, salt })).toBe(false);
    }
  });
});

describe('version-1 (unsalted) events from older logs', () => {
  // Built by the old rule, as the reducer wrote them before commitments were salted.
  const v1: CommittedDraft = {
    ...initDecision(makeInit(), T0).events[0],
    type: 'judgement.committed',
    data: {
      judgement: { label: 'reject' },
      rationale: NAME,
      commitment: hashCanonical({ decisionId: 'dec-1', judgement: { label: 'reject' }, rationale: NAME }),
    },
  } as CommittedDraft;

  it('still validate and verify by the old rule', () => {
    expect(DecisionEventDraftSchema.safeParse(v1).success).toBe(true);
    expect(judgementCommitmentV1('dec-1', { label: 'reject' }, NAME)).toBe(v1.data.commitment);
    expect(verifyCommitment(v1)).toBe(true);
    expect(verifyCommitment(redact(v1), { rationale: NAME })).toBe(true);
  });

  it('fail when the judgement or the text differs', () => {
    expect(verifyCommitment({ ...v1, data: { ...v1.data, rationale: 'Max Mustermann' } })).toBe(false);
    expect(verifyCommitment({ ...v1, data: { ...v1.data, judgement: { label: 'approve' } } })).toBe(false);
    expect(verifyCommitment(redact(v1), { rationale: 'Max Mustermann' })).toBe(false);
  });

  it('are never taken for version 2, nor version 2 for version 1', () => {
    expect(verifyCommitment({ ...v1, data: { ...v1.data, commitmentVersion: 2, salt: SALT } })).toBe(false);
    const { event } = commit({ judgement: { label: 'reject' }, rationale: NAME, salt: SALT });
    const { commitmentVersion: _v, ...asV1 } = event.data;
    expect(verifyCommitment({ ...event, data: asV1 })).toBe(false);
  });
});

describe('verifyCommitment on broken input', () => {
  it('answers false, never throws, for an unknown version or a malformed event', () => {
    const { event } = commit({ judgement: { label: 'reject' }, salt: SALT });
    expect(verifyCommitment({ ...event, data: { ...event.data, commitmentVersion: 3 } })).toBe(false);
    const broken = [
      null,
      {},
      { decisionId: 'dec-1' },
      { decisionId: 'dec-1', data: null },
      { decisionId: 7, data: event.data },
      { decisionId: 'dec-1', data: { ...event.data, commitment: 5 } },
      { decisionId: 'dec-1', data: { ...event.data, rationale: 5 } },
      { decisionId: 'dec-1', data: { ...event.data, judgement: { value: 10n } } },
    ];
    for (const value of broken) {
      expect(verifyCommitment(value as unknown as CommittedDraft)).toBe(false);
    }
  });
});

describe('the salt of a commit', () => {
  const refusedSalts: [string, unknown][] = [
    ['missing', undefined],
    ['empty', ''],
    ['31 hex digits (124 bits)', SALT.slice(0, 31)],
    ['129 hex digits', `${SALT}${SALT}0`],
    ['upper-case hex', SALT.toUpperCase()],
    ['not hex', 'z'.repeat(64)],
    ['a number', 1234567890],
  ];

  it.each(refusedSalts)('is refused by the reducer when %s, naming the salt', (_name, salt) => {
    const state = open();
    const before = JSON.stringify(state);
    const action = { type: 'commit', judgement: { label: 'reject' }, salt } as DecisionAction;
    const result = decide(state, action, T0 + 1000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'invalid-input',
      action: 'commit',
      details: { field: 'salt' },
    });
    expect(result.error.message).toMatch(/salt/);
    expect(result.events).toEqual([]);
    expect(result.state).toBe(state);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('is accepted at 32 and at 128 hex digits', () => {
    expect(commit({ judgement: { label: 'reject' }, salt: SALT.slice(0, 32) }).event.data.salt).toHaveLength(
      32,
    );
    expect(commit({ judgement: { label: 'reject' }, salt: SALT.repeat(2) }).event.data.salt).toHaveLength(
      128,
    );
  });

  it('is checked by judgementCommitment too, with a TypeError', () => {
    expect(() => judgementCommitment('dec-1', { label: 'reject' }, undefined, 'abc')).toThrow(
      new TypeError('The commitment salt must be 32 to 128 lowercase hex digits (at least 128 random bits).'),
    );
  });

  it('comes fresh from createCommitmentSalt: 64 lowercase hex digits, never the same twice', () => {
    const salts = Array.from({ length: 1000 }, () => createCommitmentSalt());
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(salts).size).toBe(salts.length);
  });

  it('cannot be made without a cryptographic random source', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => createCommitmentSalt()).toThrow(/globalThis\.crypto\.getRandomValues/);
  });
});

/* -------------------------------------------------------------------------------------------------
 * The dictionary attack from the issue
 * -----------------------------------------------------------------------------------------------*/

/** 100 first names × 200 surnames = 20,000 distinct full names, "Erika Mustermann" among them. */
function nameList(): string[] {
  const firstStarts = ['Er', 'An', 'Ma', 'Jo', 'Lu', 'Ka', 'Fr', 'He', 'Ul', 'Sa'];
  const firstEnds = ['ika', 'na', 'ria', 'hann', 'ise', 'rin', 'itz', 'lga', 'rike', 'bine'];
  const roots = ['Muster', 'Schmi', 'Beck', 'Hoff', 'Wag', 'Kraus', 'Schul', 'Zimmer', 'Braun', 'Hart'];
  const roots2 = ['Lang', 'Wolf', 'Neu', 'Schwarz', 'Stein', 'Berg', 'Fisch', 'Klein', 'Weiß', 'Roth'];
  const suffixes = ['mann', 'er', 'e', 'ner', 'ke', 'berger', 'hardt', 'ling', 'ig', 'hof'];
  const firsts = firstStarts.flatMap((a) => firstEnds.map((b) => a + b));
  const lasts = [...roots, ...roots2].flatMap((a) => suffixes.map((b) => a + b));
  return firsts.flatMap((first) => lasts.map((last) => `${first} ${last}`));
}

describe('a dictionary attack on a redacted commitment', () => {
  const names = nameList();
  const judgement = { label: 'reject' };

  it('uses 20,000 distinct candidates that include the redacted name', () => {
    expect(new Set(names).size).toBe(20_000);
    expect(names).toContain(NAME);
  });

  it('recovers the name from a version-1 (unsalted) commitment, as in the issue', () => {
    const v1 = judgementCommitmentV1('dec-1', judgement, NAME);
    const found = names.filter((name) => judgementCommitmentV1('dec-1', judgement, name) === v1);
    expect(found).toEqual([NAME]);
  });

  it('finds no candidate for a version-2 commitment whose text and salt were redacted', () => {
    const { event } = commit({ judgement, rationale: NAME, salt: createCommitmentSalt() });
    const target = redact(event);
    const { decisionId } = target;
    const { commitment } = target.data;
    // Every rule an attacker holding only the redacted event can apply to a guess.
    const guesses = (name: string) => [
      hashCanonical({ v: 2, decisionId, judgement, rationale: name }),
      hashCanonical({ v: 2, decisionId, judgement, rationale: name, salt: '' }),
      judgementCommitmentV1(decisionId, judgement, name),
    ];
    const matches = names.filter(
      (name) => guesses(name).includes(commitment) || verifyCommitment(target, { rationale: name }),
    );
    expect(matches).toEqual([]);
  });

  it('finds the name once the salt is known, so the attack itself works', () => {
    const salt = createCommitmentSalt();
    const target = redact(commit({ judgement, rationale: NAME, salt }).event);
    const found = names.filter((name) => verifyCommitment(target, { rationale: name, salt }));
    expect(found).toEqual([NAME]);
  });
});
