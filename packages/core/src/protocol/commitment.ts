import { hashCanonical } from '../util/hash.ts';
import type { JudgementInput } from './types.ts';

/*
 * The judgement commitment of `judgement.committed`: a hash that fixes the person's own judgement
 * (and rationale) before the AI recommendation is shown, so that nobody can later claim a
 * different one.
 *
 * Version 2 (current) binds a random salt: hex SHA-256 over the RFC 8785 canonical JSON of
 * `{ v: 2, decisionId, judgement, rationale?, salt }`. The salt travels with the event
 * (`data.salt`, `data.commitmentVersion: 2`) as long as the rationale is logged verbatim; when the
 * logger redacts the rationale it drops the salt too, so the commitment of a redacted event cannot
 * be reversed by guessing the text: every guess would also have to guess ≥ 128 random bits. The
 * procedure keeps the salt with the unredacted text on its side (`state.judgement.salt`) and can
 * later disclose both to prove what was committed (`verifyCommitment(event, { rationale, salt })`).
 *
 * Version 1 (events without `data.commitmentVersion`) was unsalted SHA-256 over
 * `{ decisionId, judgement, rationale? }`: a redacted rationale could be recovered from it by
 * trying candidates. Such events still verify by that rule; nothing new is written with it.
 */

/** The current commitment rule; `data.commitmentVersion` of every new `judgement.committed`. */
export const COMMITMENT_VERSION = 2;

/** A commitment salt: lowercase hex, 32–128 digits (128–512 bits). */
const SALT_PATTERN = /^[0-9a-f]{32,128}$/;

/** Bytes of a fresh salt: 256 bits, 64 hex digits. */
const SALT_BYTES = 32;

/**
 * Whether `value` is a usable commitment salt: lowercase hex with 32 to 128 digits (at least 128
 * random bits).
 *
 * @example
 * isCommitmentSalt('00ff'); // false: too short
 */
export function isCommitmentSalt(value: unknown): value is string {
  return typeof value === 'string' && SALT_PATTERN.test(value);
}

/**
 * A fresh commitment salt: 32 random bytes from `globalThis.crypto.getRandomValues`, as 64
 * lowercase hex digits. `createDecisionStore` calls it for every commit dispatched without a salt;
 * hosts that call `decide` directly pass its result as the commit action's `salt`.
 *
 * Throws an `Error` when the runtime has no `crypto.getRandomValues` (every supported browser and
 * Node ≥ 20 has it): a predictable salt would protect nothing.
 *
 * @example
 * decide(state, { type: 'commit', judgement, rationale, salt: createCommitmentSalt() }, Date.now());
 */
export function createCommitmentSalt(): string {
  // Typed by hand: core compiles without the DOM library, and Node 20 and browsers both have it.
  const source = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (typeof source?.getRandomValues !== 'function') {
    throw new Error(
      'No cryptographic random source (globalThis.crypto.getRandomValues) is available to salt the judgement commitment.',
    );
  }
  const bytes = new Uint8Array(SALT_BYTES);
  source.getRandomValues(bytes);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The version-2 commitment logged with `judgement.committed`: hex SHA-256 over the RFC 8785
 * canonical JSON of `{ v: 2, decisionId, judgement, rationale, salt }` (`rationale` left out when
 * absent). The decision id binds the judgement to its decision; the salt makes the hash
 * irreversible by guessing when the rationale is redacted from the log.
 *
 * Throws a `TypeError` for a salt that is not 32–128 lowercase hex digits, and for values JSON
 * cannot carry.
 *
 * @example
 * judgementCommitment('d-1', { label: 'approve' }, undefined, createCommitmentSalt()); // 64 hex digits
 */
export function judgementCommitment(
  decisionId: string,
  judgement: JudgementInput,
  rationale: string | undefined,
  salt: string,
): string {
  if (!isCommitmentSalt(salt)) {
    throw new TypeError(
      'The commitment salt must be 32 to 128 lowercase hex digits (at least 128 random bits).',
    );
  }
  return hashCanonical(
    rationale === undefined
      ? { v: COMMITMENT_VERSION, decisionId, judgement, salt }
      : { v: COMMITMENT_VERSION, decisionId, judgement, rationale, salt },
  );
}

/**
 * The version-1 (unsalted) commitment of events logged before salts: hex SHA-256 over the
 * canonical JSON of `{ decisionId, judgement, rationale }`. Only for verifying old events; new
 * events use `judgementCommitment`. Not exported from the package root.
 */
export function judgementCommitmentV1(
  decisionId: string,
  judgement: JudgementInput,
  rationale?: string,
): string {
  return hashCanonical(
    rationale === undefined ? { decisionId, judgement } : { decisionId, judgement, rationale },
  );
}

/**
 * What a procedure discloses to prove a committed judgement whose event no longer carries it:
 * the unredacted rationale and the salt it kept (`state.judgement.salt`). A field left out falls
 * back to the event's own.
 */
export interface CommitmentDisclosure {
  rationale?: string | undefined;
  salt?: string | undefined;
}

/** The parts of a `judgement.committed` event (draft or stored) that `verifyCommitment` reads. */
export interface CommittedEventLike {
  decisionId: string;
  data: {
    judgement: unknown;
    rationale?: string | undefined;
    commitment: string;
    commitmentVersion?: number | undefined;
    salt?: string | undefined;
  };
}

/**
 * Recomputes a `judgement.committed` event's commitment and says whether it matches. Uses the
 * event's own rationale and salt, or those of `disclosure` (for an event whose rationale was
 * redacted, which then carries no salt either). Version 2 (`data.commitmentVersion: 2`) needs a
 * salt and checks `judgementCommitment`; events without `commitmentVersion` are version 1 and are
 * checked by the old unsalted rule (a disclosed salt plays no part there). `false` for an unknown
 * version, a missing or malformed salt, and anything that cannot be hashed; never throws.
 *
 * @example
 * verifyCommitment(event); // a verbatim event
 * verifyCommitment(redactedEvent, { rationale: keptText, salt: keptSalt }); // a redacted one
 */
export function verifyCommitment(event: CommittedEventLike, disclosure?: CommitmentDisclosure): boolean {
  try {
    const { data, decisionId } = event;
    const { judgement, commitment, commitmentVersion } = data;
    if (typeof decisionId !== 'string' || typeof commitment !== 'string') return false;
    const rationale = disclosure?.rationale ?? data.rationale;
    if (rationale !== undefined && typeof rationale !== 'string') return false;
    if (commitmentVersion === undefined) {
      return judgementCommitmentV1(decisionId, judgement as JudgementInput, rationale) === commitment;
    }
    if (commitmentVersion !== COMMITMENT_VERSION) return false;
    const salt = disclosure?.salt ?? data.salt;
    if (!isCommitmentSalt(salt)) return false;
    return judgementCommitment(decisionId, judgement as JudgementInput, rationale, salt) === commitment;
  } catch {
    return false;
  }
}
