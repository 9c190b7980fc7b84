import { DeliberateEventSchema } from '@deliberate/core/events';
import type { DeliberateEvent } from '@deliberate/core';

/*
 * Schema checks at log speed. `DeliberateEventSchema` (zod) is the contract, and it stays the
 * judge: this file is a hand-written fast path that accepts only what the schema accepts. An event
 * the fast path rejects goes to zod, which decides; so the fast path may be stricter than the
 * schema (that costs time, never correctness) but never more lenient — `validate.test.ts` checks
 * that with generated and mutated events. Measured on this machine: zod ≈ 9 µs per event, the fast
 * path well under 1 µs; at 4 million events that is the difference between 36 s and 3 s.
 */

type Obj = Record<string, unknown>;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isStr(value: unknown): value is string {
  return typeof value === 'string';
}
function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
function isNum(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
function isUnit(value: unknown): boolean {
  return isNum(value) && value >= 0 && value <= 1;
}
function optStr(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}
function optNum(value: unknown): boolean {
  return value === undefined || isNum(value);
}
function isHex64(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 64) return false;
  // Three of these per event: a loop over char codes is several times faster than the regex.
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function decisionValue(value: unknown): boolean {
  return isObj(value) && optStr(value.label) && optNum(value.value);
}
function judgement(value: unknown): boolean {
  return (
    isObj(value) &&
    optStr(value.label) &&
    optNum(value.value) &&
    (value.confidence === undefined || isUnit(value.confidence))
  );
}
function shownRecommendation(value: unknown): boolean {
  if (!isObj(value) || !optStr(value.label) || !optNum(value.value)) return false;
  if (!(value.confidence === null || isUnit(value.confidence))) return false;
  const interval = value.interval;
  if (interval === undefined) return true;
  return isObj(interval) && isNum(interval.lo) && isNum(interval.hi) && isUnit(interval.level);
}
function reasons(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const reason of value) {
    if (!isObj(reason) || !isStr(reason.system) || !isNonEmpty(reason.code) || !isStr(reason.display))
      return false;
  }
  return true;
}
function nonNegative(value: unknown): boolean {
  return isNum(value) && value >= 0;
}

const REVEALS = new Set(['immediate', 'on-request', 'after-judgement']);
const JUSTIFICATIONS = new Set(['none', 'override', 'always']);
const OUTCOME_SET = new Set(['accepted', 'modified', 'overridden', 'without-ai']);

const DATA: Record<string, (data: Obj) => boolean> = {
  'decision.opened': (data) => {
    const policy = data.policy;
    return (
      isObj(policy) &&
      isNonEmpty(policy.id) &&
      isNonEmpty(policy.version) &&
      REVEALS.has(policy.reveal as string) &&
      JUSTIFICATIONS.has(policy.justification as string) &&
      nonNegative(policy.minOwnTimeMs) &&
      (policy.arm === 'ai' || policy.arm === 'no-ai') &&
      typeof policy.audit === 'boolean' &&
      optStr(policy.rule) &&
      optStr(policy.band) &&
      isStr(data.stakes) &&
      optStr(data.uiVariant)
    );
  },
  'judgement.committed': (data) =>
    judgement(data.judgement) &&
    optStr(data.rationale) &&
    isHex64(data.commitment) &&
    (data.checklist === undefined || (Array.isArray(data.checklist) && data.checklist.every(isStr))),
  'recommendation.revealed': (data) =>
    shownRecommendation(data.recommendation) &&
    isObj(data.display) &&
    isNonEmpty(data.display.format) &&
    isStr(data.display.text) &&
    typeof data.requested === 'boolean' &&
    (data.friction === undefined ||
      (isObj(data.friction) &&
        isNonEmpty(data.friction.band) &&
        optStr(data.friction.rule) &&
        JUSTIFICATIONS.has(data.friction.justification as string))),
  'recommendation.invalid': (data) =>
    Array.isArray(data.issues) &&
    data.issues.every(
      (issue) =>
        isObj(issue) &&
        Array.isArray(issue.path) &&
        issue.path.every((part) => isStr(part) || isNum(part)) &&
        isStr(issue.code) &&
        isStr(issue.message),
    ),
  'explanation.viewed': (data) => isNonEmpty(data.panel) && nonNegative(data.durationMs),
  'decision.finalized': (data) =>
    decisionValue(data.final) &&
    OUTCOME_SET.has(data.outcome as string) &&
    reasons(data.reasons) &&
    optStr(data.comment) &&
    nonNegative(data.durationMs) &&
    (data.recommendation === undefined || shownRecommendation(data.recommendation)) &&
    (data.judgement === undefined || judgement(data.judgement)),
  'decision.abandoned': (data) => isNonEmpty(data.stage),
  'ai.stopped': (data) => isNonEmpty(data.scope) && isStr(data.reason),
  'outcome.recorded': (data) => decisionValue(data.truth) && isNonEmpty(data.source),
  'ui.error': (data) => isNonEmpty(data.component) && isStr(data.message),
};

/** The fast path: true only for values the schema accepts (it may say false for some it accepts). */
export function fastCheckEvent(value: unknown): boolean {
  if (!isObj(value)) return false;
  if (value.schema !== 'deliberate.event/1') return false;
  const checkData = DATA[value.type as string];
  if (checkData === undefined || !Object.prototype.hasOwnProperty.call(DATA, value.type as string))
    return false;
  const ts = value.ts;
  if (typeof ts !== 'string' || ts.length !== 24 || !TIMESTAMP.test(ts)) return false;
  if (!isNonEmpty(value.id) || !isNonEmpty(value.chain)) return false;
  const seq = value.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return false;
  if (!(value.prev === null || isHex64(value.prev)) || !isHex64(value.hash)) return false;
  if (!isNonEmpty(value.decisionId) || !isNonEmpty(value.procedure) || !isNonEmpty(value.caseRef))
    return false;
  const actor = value.actor;
  if (!isObj(actor) || !isNonEmpty(actor.id) || !optStr(actor.role)) return false;
  const model = value.model;
  if (model !== undefined && !(isObj(model) && isNonEmpty(model.id) && isNonEmpty(model.version)))
    return false;
  const data = value.data;
  return isObj(data) && checkData(data);
}

/**
 * Whether `value` is a valid `deliberate.event/1` event: the fast path first, the zod schema
 * when the fast path is unsure.
 *
 * @example
 * if (!isDeliberateEvent(JSON.parse(line))) malformed++;
 */
export function isDeliberateEvent(value: unknown): value is DeliberateEvent {
  return fastCheckEvent(value) || DeliberateEventSchema.safeParse(value).success;
}
