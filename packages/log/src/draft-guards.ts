import { checkEventLimits, EVENT_LIMITS } from '@deliberate/core';
import { EventLimitError, NotPseudonymousError } from './errors.ts';
import { pseudonymizedFields, pseudonymPattern, transformAt } from './pseudonymize.ts';
import type { UpstreamPseudonymsOptions } from './pseudonymize.ts';

/*
 * Checks the logger applies to every draft before anything of its `log()` call is stamped: the
 * event limits the collector enforces too, and (in the browser mode) that identifiers are
 * already pseudonyms. Each throws a specific error naming the field, never the value.
 */

/**
 * Bytes the stamp adds to a draft as JSON, at most: `id` (a UUID), `chain`, `seq` (up to a safe
 * integer), `prev` and `hash` (64 hex digits each), with their keys, quotes, colons and commas.
 */
let stampBytesFor: { chainId: string; bytes: number } | undefined;
function stampBytes(chainId: string): number {
  if (stampBytesFor?.chainId === chainId) return stampBytesFor.bytes;
  const stamp = { id: 'x'.repeat(36), chain: chainId, seq: Number.MAX_SAFE_INTEGER, prev: 'f'.repeat(64) };
  // `{…}` of the stamp minus its braces, one comma joining it to the draft, and `,"hash":"…"`.
  const bytes = JSON.stringify(stamp).length - 2 + 1 + `,"hash":"${'f'.repeat(64)}"`.length;
  stampBytesFor = { chainId, bytes };
  return bytes;
}

/**
 * Throws `EventLimitError` unless `draft`, once stamped into chain `chainId`, keeps
 * `EVENT_LIMITS` (`checkEventLimits` of `@deliberate/core`, the collector's rule). Iterative: a
 * draft nested thousands of levels deep is refused, not a stack overflow.
 */
export function assertWithinLimits(draft: unknown, chainId: string, index: number): void {
  const result = checkEventLimits(draft);
  if (!result.ok) throw new EventLimitError(result, index);
  if (result.bytes + stampBytes(chainId) > EVENT_LIMITS.maxBytes) {
    throw new EventLimitError(
      {
        code: 'too-large',
        path: [],
        message: `(the event): larger than ${EVENT_LIMITS.maxBytes} bytes as JSON once stamped.`,
      },
      index,
    );
  }
}

/**
 * Why a draft could not be detached (copied as JSON would): the limit it breaks when it breaks
 * one (a cycle or very deep nesting overflows the copy), otherwise `undefined`.
 */
export function limitErrorOf(input: unknown, index: number, cause: unknown): EventLimitError | undefined {
  const result = checkEventLimits(input);
  return result.ok ? undefined : new EventLimitError(result, index, { cause });
}

/**
 * A check for `pseudonymize: { upstream: true }`: every configured field holding a value must
 * hold a pseudonym of the configured form; a number there is a raw id too.
 */
export function createUpstreamCheck(
  options: UpstreamPseudonymsOptions,
): (draft: Record<string, unknown>, index: number) => void {
  const pattern = pseudonymPattern(options);
  const expected = `${options.prefix ?? 'ps:'} followed by ${options.length ?? 32} lowercase hex digits`;
  const fields = pseudonymizedFields(options).map((field) => ({ field, segments: field.split('.') }));
  return (draft, index) => {
    for (const { field, segments } of fields) {
      transformAt(
        draft,
        segments,
        0,
        (value) => {
          if (!pattern.test(value)) throw new NotPseudonymousError(field, expected, index);
          return value;
        },
        true,
      );
    }
  };
}

/**
 * Seals a redacted judgement: when the `redact` hook changed the rationale of a
 * `judgement.committed` draft, its `data.salt` is removed, so that the log holds neither the text
 * nor what would let anyone confirm a guess of it against the salted commitment. The procedure
 * keeps text and salt; `verifyCommitment(event, { rationale, salt })` proves them later.
 */
export function sealRedactedJudgement(draft: Record<string, unknown>, rationaleBefore: unknown): void {
  if (draft.type !== 'judgement.committed') return;
  const data = draft.data as Record<string, unknown> | undefined;
  if (typeof data !== 'object' || data === null || typeof rationaleBefore !== 'string') return;
  if (data.rationale !== rationaleBefore) delete data.salt;
}
