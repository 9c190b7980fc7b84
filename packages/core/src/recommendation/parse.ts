import type { core } from 'zod/mini';
import type { ParseRecommendationResult, RecommendationIssue, RecommendationIssueCode } from './issues.ts';
import { RecommendationSchema } from './schema.ts';
import type { Recommendation, RecommendationOption } from './schema.ts';

/*
 * `parseRecommendation` answers two questions at once: is the input shaped like a recommendation
 * (zod), and does it make sense (the semantic checks below)? Both run on every input, the
 * semantic checks on the raw value and each guarding its own types, so that an integrator who
 * sends a broken payload sees every problem in one go instead of fixing them one at a time.
 *
 * Nothing in this file may throw: inputs come from other systems, and a decision screen that
 * crashes is worse than one that says what is wrong. Every property read goes through
 * `IssueCollector.read`, which turns a throwing getter or revoked proxy into an `internal` issue.
 */

type IssuePath = RecommendationIssue['path'];

/** How far probabilities may stray from summing to 1 (and confidence from its option's probability). */
export const PROBABILITY_TOLERANCE = 1e-6;
const TOLERANCE_TEXT = '1e-6';

const RECOMMENDATION_KINDS = ['categorical', 'binary', 'numeric', 'ranked'] as const;

/* -------------------------------------------------------------------------------------------------
 * Safe reading and issue collection (shared with the adapters)
 * -----------------------------------------------------------------------------------------------*/

/**
 * Collects issues and reads untrusted values without letting them throw.
 * @internal Used by `parse.ts` and the adapters; not part of the public API.
 * @example
 * const c = new IssueCollector();
 * const options = c.read(input, 'options', ['options']); // never throws
 */
export class IssueCollector {
  readonly issues: RecommendationIssue[] = [];

  add(path: IssuePath, code: RecommendationIssueCode, message: string): void {
    this.issues.push({ path: [...path], code, message });
  }

  /** `owner[key]`, or `undefined` with an `internal` issue at `path` when reading throws. */
  read(owner: unknown, key: string | number, path: IssuePath): unknown {
    try {
      if (owner === null || (typeof owner !== 'object' && typeof owner !== 'function')) return undefined;
      return (owner as Record<string | number, unknown>)[key];
    } catch (error) {
      this.add(path, 'internal', `Reading ${formatIssuePath(path)} failed: ${errorText(error)}.`);
      return undefined;
    }
  }

  /** The elements of an array-like input (empty for anything else), each read safely. */
  elements(value: unknown, path: IssuePath): unknown[] {
    if (!isArray(value)) return [];
    const length = this.read(value, 'length', path);
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return [];
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(this.read(value, i, [...path, i]));
    return out;
  }
}

/**
 * @internal A plain object (not null, not an array); false for a revoked proxy.
 * @example
 * isRecord({}); // true
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // A revoked proxy throws from Array.isArray; it is not a usable record either way.
    return false;
  }
}

/**
 * @internal `Array.isArray` that answers false instead of throwing on a revoked proxy.
 * @example
 * isArray([]); // true
 */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * @internal A number that is neither NaN nor ±Infinity.
 * @example
 * isFiniteNumber(Number.NaN); // false
 */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * @internal Merges issue lists, keeping the first issue for each path + code.
 * @example
 * mergeIssues(structural, semantic);
 */
export function mergeIssues(...lists: readonly (readonly RecommendationIssue[])[]): RecommendationIssue[] {
  const seen = new Set<string>();
  const out: RecommendationIssue[] = [];
  for (const list of lists) {
    for (const issue of list) {
      const key = JSON.stringify([issue.path, issue.code]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(issue);
    }
  }
  return out;
}

/**
 * @internal A message-safe text for a thrown value (which may itself throw when inspected).
 * @example
 * errorText(new TypeError('boom')); // 'TypeError: boom'
 */
export function errorText(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return describeValue(error);
  } catch {
    return 'an error that could not be described';
  }
}

/**
 * @internal A number as people read it: 0.97, not 0.9699999999999999.
 * @example
 * formatNumber(0.6 + 0.37); // '0.97'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  return String(Number(value.toPrecision(12)));
}

/**
 * @internal A short, safe description of any value for a message.
 * @example
 * describeValue([1, 2]); // 'an array'
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'number':
        return formatNumber(value);
      case 'string':
        return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
      case 'boolean':
        return String(value);
      case 'bigint':
        return `the bigint ${value.toString()}`;
      case 'undefined':
        return 'nothing';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default:
        if (value === null) return 'null';
        return isArray(value) ? 'an array' : 'an object';
    }
  } catch {
    return 'an unreadable value';
  }
}

/**
 * A path as a JavaScript accessor: `options[2].probability`, `extension["deliberate.confidence"]`.
 * The empty path (the whole input) is `(root)`.
 *
 * @example
 * formatIssuePath(['options', 2, 'probability']); // 'options[2].probability'
 */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/* -------------------------------------------------------------------------------------------------
 * Structural issues: zod → our codes
 * -----------------------------------------------------------------------------------------------*/

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a boolean',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

function expectedName(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}

/** The name a message uses for the field at `path`: `probability`, `options[2]`, `the input`. */
function fieldName(path: IssuePath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The input';
  if (typeof last === 'string') return last;
  const owner = path[path.length - 2];
  return `${typeof owner === 'string' ? owner : 'item'}[${last}]`;
}

function valueAt(root: unknown, path: IssuePath): unknown {
  let current = root;
  for (const key of path) {
    try {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string | number, unknown>)[key];
    } catch {
      return undefined;
    }
  }
  return current;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

function fromZodIssue(issue: core.$ZodIssue, input: unknown): RecommendationIssue {
  const path: IssuePath = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const value = valueAt(input, path);
  const field = fieldName(path);
  const make = (code: RecommendationIssueCode, message: string): RecommendationIssue => ({
    path,
    code,
    message,
  });

  // NaN and ±Infinity fail as "not a number" or as an out-of-range union member in zod; people
  // need to hear that the number itself is broken (usually a division by zero upstream).
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return make('not_finite', `${field} is ${String(value)}; it must be a finite number.`);
  }

  switch (issue.code) {
    case 'invalid_type': {
      if (path.length === 0) {
        return make('invalid_type', `A recommendation must be an object, got ${describeValue(value)}.`);
      }
      if (value === undefined)
        return make('missing', `${field} is required (${expectedName(issue.expected)}).`);
      if (issue.expected === 'int') {
        return make('invalid_value', `${field} is ${describeValue(value)}; it must be a whole number.`);
      }
      return make(
        'invalid_type',
        `${field} must be ${expectedName(issue.expected)}, got ${describeValue(value)}.`,
      );
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'string') {
        return make(
          'invalid_value',
          bound === 1
            ? `${field} must not be empty.`
            : `${field} must be ${small ? 'at least' : 'at most'} ${bound} characters long.`,
        );
      }
      if (issue.origin === 'array') {
        return make(
          'invalid_value',
          bound === 1 && small
            ? `${field} must have at least one entry.`
            : `${field} must have ${small ? 'at least' : 'at most'} ${bound} entries.`,
        );
      }
      const relation = small
        ? issue.inclusive === false
          ? 'greater than'
          : 'at least'
        : issue.inclusive === false
          ? 'less than'
          : 'at most';
      return make(
        'out_of_range',
        `${field} is ${describeValue(value)}; it must be ${relation} ${formatNumber(bound)}.`,
      );
    }
    case 'invalid_value':
      return make(
        'invalid_value',
        `${field} is ${describeValue(value)}; expected one of ${quoteList(issue.values)}.`,
      );
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        const allowed = quoteList(issue.options);
        if (value === undefined) return make('missing', `${field} is required: one of ${allowed}.`);
        return make('invalid_value', `${field} is ${describeValue(value)}; expected one of ${allowed}.`);
      }
      const expected = new Set<string>();
      for (const branch of issue.errors) {
        const first = branch[0];
        if (first?.code === 'invalid_type' && first.path.length === 0)
          expected.add(expectedName(first.expected));
      }
      if (value === undefined) return make('missing', `${field} is required.`);
      const list = [...expected];
      const wanted =
        list.length > 1
          ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`
          : (list[0] ?? 'a valid value');
      return make('invalid_type', `${field} must be ${wanted}, got ${describeValue(value)}.`);
    }
    case 'unrecognized_keys':
      return make('unrecognized_key', `Unrecognized key(s) ${quoteList(issue.keys)} in ${field}.`);
    default:
      return make('invalid_value', `${field} is not valid (${issue.code}).`);
  }
}

function structuralIssues(
  input: unknown,
  collector: IssueCollector,
): { ok: true; value: unknown } | { ok: false } {
  try {
    const result = RecommendationSchema.safeParse(input);
    if (result.success) return { ok: true, value: result.data };
    for (const issue of result.error.issues) collector.issues.push(fromZodIssue(issue, input));
    return { ok: false };
  } catch (error) {
    // zod reads every property it knows; a throwing getter surfaces here. The semantic checks
    // usually name the exact path already, so only add a general issue when they did not.
    collector.add([], 'internal', `The recommendation could not be read: ${errorText(error)}.`);
    return { ok: false };
  }
}

/* -------------------------------------------------------------------------------------------------
 * Semantic checks on the raw input
 * -----------------------------------------------------------------------------------------------*/

function idList(ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  const shown = unique.slice(0, 10).map((id) => JSON.stringify(id));
  return unique.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
}

interface OptionFacts {
  /** The string ids, by index (undefined where an option has none). */
  ids: (string | undefined)[];
  probabilities: unknown[];
}

function checkOptions(
  c: IssueCollector,
  input: Record<string, unknown>,
  kind: unknown,
): OptionFacts | undefined {
  const rawOptions = c.read(input, 'options', ['options']);
  if (!isArray(rawOptions)) return undefined;
  const options = c.elements(rawOptions, ['options']);

  if (options.length === 0) {
    c.add(
      ['options'],
      'empty_options',
      kind === 'binary'
        ? 'options is empty; a binary recommendation needs exactly two options (yes and no).'
        : 'options is empty; a recommendation needs at least one option to decide between.',
    );
  } else if (kind === 'binary' && options.length !== 2) {
    c.add(
      ['options'],
      'binary_option_count',
      `A binary recommendation has exactly two options; this one has ${options.length}.`,
    );
  }

  const ids: (string | undefined)[] = [];
  const probabilities: unknown[] = [];
  const firstIndex = new Map<string, number>();
  options.forEach((option, i) => {
    const id = isRecord(option) ? c.read(option, 'id', ['options', i, 'id']) : undefined;
    const probability = isRecord(option)
      ? c.read(option, 'probability', ['options', i, 'probability'])
      : undefined;
    ids.push(typeof id === 'string' ? id : undefined);
    probabilities.push(probability);
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else
      c.add(
        ['options', i, 'id'],
        'duplicate_id',
        `Option id ${JSON.stringify(id)} is used twice (first at options[${first}]).`,
      );
  });

  const given = probabilities.filter((p) => p !== undefined).length;
  if (given > 0 && given < options.length) {
    const without = ids.flatMap((id, i) =>
      probabilities[i] === undefined ? [id !== undefined ? JSON.stringify(id) : `options[${i}]`] : [],
    );
    c.add(
      ['options'],
      'probabilities_incomplete',
      `${given} of ${options.length} options have a probability; give every option one, or none (missing: ${without.slice(0, 10).join(', ')}).`,
    );
  } else if (given > 0 && probabilities.every(isFiniteNumber)) {
    const sum = (probabilities as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      c.add(
        ['options'],
        'probabilities_sum',
        `Option probabilities sum to ${formatNumber(sum)}, expected 1 ± ${TOLERANCE_TEXT}.`,
      );
    }
  }
  return { ids, probabilities };
}

function checkRecommended(
  c: IssueCollector,
  input: Record<string, unknown>,
  kind: unknown,
  facts: OptionFacts,
): number | undefined {
  const known = facts.ids.filter((id): id is string => id !== undefined);
  const recommended = c.read(input, 'recommended', ['recommended']);
  if (kind === 'ranked') {
    const first = facts.ids[0];
    if (typeof recommended === 'string' && first !== undefined && recommended !== first) {
      // A ranked list recommends its first item; a contradicting `recommended` would silently be
      // dropped, and the screen would show something other than what the sender meant.
      c.add(
        ['recommended'],
        'invalid_value',
        `A ranked list recommends its first option (${JSON.stringify(first)}), but recommended is ${JSON.stringify(recommended)}.`,
      );
    }
    return facts.ids.length > 0 ? 0 : undefined;
  }
  if (typeof recommended !== 'string' || recommended === '' || facts.ids.length === 0) return undefined;
  const index = facts.ids.indexOf(recommended);
  if (index === -1) {
    c.add(
      ['recommended'],
      'unknown_option',
      `The recommended option ${JSON.stringify(recommended)} is not among the options (${idList(known)}).`,
    );
    return undefined;
  }
  return index;
}

function checkConfidence(
  c: IssueCollector,
  input: Record<string, unknown>,
  facts: OptionFacts,
  index: number | undefined,
): void {
  if (index === undefined) return;
  const confidence = c.read(input, 'confidence', ['confidence']);
  const probability = facts.probabilities[index];
  if (!isFiniteNumber(confidence) || !isFiniteNumber(probability)) return;
  if (Math.abs(confidence - probability) > PROBABILITY_TOLERANCE) {
    const id = facts.ids[index];
    c.add(
      ['confidence'],
      'confidence_mismatch',
      `confidence is ${formatNumber(confidence)}, but the recommended option${id !== undefined ? ` ${JSON.stringify(id)}` : ''} has probability ${formatNumber(probability)}; they must agree within ${TOLERANCE_TEXT}.`,
    );
  }
}

function checkInterval(c: IssueCollector, input: Record<string, unknown>): void {
  const interval = c.read(input, 'interval', ['interval']);
  if (!isRecord(interval)) return;
  const lo = c.read(interval, 'lo', ['interval', 'lo']);
  const hi = c.read(interval, 'hi', ['interval', 'hi']);
  if (!isFiniteNumber(lo) || !isFiniteNumber(hi)) return;
  if (lo > hi) {
    c.add(
      ['interval'],
      'interval_inverted',
      `The interval is inverted: lo ${formatNumber(lo)} is greater than hi ${formatNumber(hi)}.`,
    );
    return;
  }
  const value = c.read(input, 'value', ['value']);
  if (isFiniteNumber(value) && (value < lo || value > hi)) {
    c.add(
      ['value'],
      'interval_excludes_value',
      `value ${formatNumber(value)} lies outside its interval [${formatNumber(lo)}, ${formatNumber(hi)}].`,
    );
  }
}

function checkFactors(c: IssueCollector, explanation: Record<string, unknown>): void {
  const path = ['explanation', 'factors'];
  const factors = c.read(explanation, 'factors', path);
  if (!isRecord(factors)) return;
  const base = c.read(factors, 'baseValue', [...path, 'baseValue']);
  const prediction = c.read(factors, 'prediction', [...path, 'prediction']);
  const items = c.read(factors, 'items', [...path, 'items']);
  if (!isFiniteNumber(base) || !isFiniteNumber(prediction)) return;
  const contributions = c
    .elements(items, [...path, 'items'])
    .map((item, i) =>
      isRecord(item) ? c.read(item, 'contribution', [...path, 'items', i, 'contribution']) : undefined,
    );
  if (!isArray(items) || !contributions.every(isFiniteNumber)) return;
  const total = base + contributions.reduce((a, b) => a + b, 0);
  const tolerance = PROBABILITY_TOLERANCE * Math.max(1, Math.abs(prediction));
  if (Math.abs(total - prediction) > tolerance) {
    c.add(
      [...path, 'prediction'],
      'factors_sum',
      `baseValue ${formatNumber(base)} plus the factor contributions gives ${formatNumber(total)}, but prediction is ${formatNumber(prediction)}; they must agree within 1e-6 × max(1, |prediction|).`,
    );
  }
}

function checkCounterfactuals(
  c: IssueCollector,
  explanation: Record<string, unknown>,
  facts: OptionFacts,
): void {
  const path = ['explanation', 'counterfactuals'];
  const known = facts.ids.filter((id): id is string => id !== undefined);
  if (known.length === 0) return;
  c.elements(c.read(explanation, 'counterfactuals', path), path).forEach((counterfactual, i) => {
    if (!isRecord(counterfactual)) return;
    const outcome = c.read(counterfactual, 'outcome', [...path, i, 'outcome']);
    if (typeof outcome === 'string' && outcome !== '' && !known.includes(outcome)) {
      c.add(
        [...path, i, 'outcome'],
        'unknown_option',
        `Counterfactual outcome ${JSON.stringify(outcome)} names no option (options: ${idList(known)}).`,
      );
    }
  });
}

function checkReliabilityBins(c: IssueCollector, input: Record<string, unknown>): void {
  const calibration = c.read(input, 'calibration', ['calibration']);
  if (!isRecord(calibration)) return;
  const path = ['calibration', 'bins'];
  c.elements(c.read(calibration, 'bins', path), path).forEach((bin, i) => {
    if (!isRecord(bin)) return;
    const lo = c.read(bin, 'lo', [...path, i, 'lo']);
    const hi = c.read(bin, 'hi', [...path, i, 'hi']);
    if (!isFiniteNumber(lo) || !isFiniteNumber(hi)) return;
    if (lo > hi) {
      c.add(
        [...path, i],
        'interval_inverted',
        `Reliability bin ${i} is inverted: lo ${formatNumber(lo)} is greater than hi ${formatNumber(hi)}.`,
      );
      return;
    }
    const confidence = c.read(bin, 'confidence', [...path, i, 'confidence']);
    if (isFiniteNumber(confidence) && (confidence < lo || confidence > hi)) {
      c.add(
        [...path, i, 'confidence'],
        'out_of_range',
        `Reliability bin ${i} has mean confidence ${formatNumber(confidence)}, outside the bin [${formatNumber(lo)}, ${formatNumber(hi)}].`,
      );
    }
  });
}

/** Runs one check so that an unexpected exception costs that check, not the whole parse. */
function guarded(c: IssueCollector, name: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    c.add([], 'internal', `The ${name} check failed: ${errorText(error)}.`);
  }
}

function semanticIssues(input: unknown, c: IssueCollector): void {
  if (!isRecord(input)) return;
  const kind = c.read(input, 'kind', ['kind']);
  const knownKind = (RECOMMENDATION_KINDS as readonly unknown[]).includes(kind);
  const optionKind = kind === 'categorical' || kind === 'binary' || kind === 'ranked';

  // With an unknown kind the structure is already wrong, but the options (if any) can still be
  // checked: the sender most likely has a typo in `kind`, and the rest of their payload matters.
  let facts: OptionFacts | undefined;
  if (kind !== 'numeric') guarded(c, 'options', () => (facts = checkOptions(c, input, kind)));
  if (optionKind && facts) {
    const f = facts;
    guarded(c, 'recommended option', () => checkConfidence(c, input, f, checkRecommended(c, input, kind, f)));
  }
  if (kind === 'numeric' || !knownKind) guarded(c, 'interval', () => checkInterval(c, input));

  guarded(c, 'explanation', () => {
    const explanation = c.read(input, 'explanation', ['explanation']);
    if (!isRecord(explanation)) return;
    checkFactors(c, explanation);
    if (optionKind && facts) checkCounterfactuals(c, explanation, facts);
  });
  guarded(c, 'calibration', () => checkReliabilityBins(c, input));
}

/* -------------------------------------------------------------------------------------------------
 * Normalization
 * -----------------------------------------------------------------------------------------------*/

type Parsed = ReturnType<typeof RecommendationSchema.parse>;

function normalize(rec: Parsed): Recommendation | undefined {
  switch (rec.kind) {
    case 'numeric':
      return rec.confidence === undefined ? { ...rec, confidence: rec.interval.level } : rec;
    case 'ranked': {
      const first = rec.options[0];
      if (!first) return undefined;
      const confidence = rec.confidence ?? first.probability;
      return confidence === undefined
        ? { ...rec, recommended: first.id }
        : { ...rec, recommended: first.id, confidence };
    }
    default: {
      const option = rec.options.find((o) => o.id === rec.recommended);
      if (!option) return undefined;
      const confidence = rec.confidence ?? option.probability;
      return confidence === undefined ? rec : { ...rec, confidence };
    }
  }
}

/* -------------------------------------------------------------------------------------------------
 * Public API
 * -----------------------------------------------------------------------------------------------*/

/**
 * Validates an AI recommendation from any source and returns it normalized, or every problem
 * with it. Never throws: unreadable input (throwing getters, revoked proxies, cycles) becomes
 * an issue like any other.
 *
 * On success, `confidence` is filled from the recommended option's probability when absent,
 * a numeric recommendation's `confidence` defaults to its interval's level, and a ranked list
 * gets `recommended` = its first option. A recommendation without probabilities and without
 * `confidence` keeps `confidence` absent: the AI reported none, and none is invented.
 *
 * @example
 * const result = parseRecommendation({
 *   kind: 'binary',
 *   options: [{ id: 'approve', label: 'Approve', probability: 0.8 }, { id: 'reject', label: 'Reject', probability: 0.2 }],
 *   recommended: 'approve',
 * });
 * if (result.ok) result.value.confidence; // 0.8
 * else console.error(formatRecommendationIssues(result.issues));
 */
export function parseRecommendation(input: unknown): ParseRecommendationResult<Recommendation> {
  try {
    const structural = new IssueCollector();
    const semantic = new IssueCollector();
    const parsed = structuralIssues(input, structural);
    semanticIssues(input, semantic);

    const readFailed = semantic.issues.some((i) => i.code === 'internal');
    const structuralList = readFailed
      ? structural.issues.filter((i) => !(i.code === 'internal' && i.path.length === 0))
      : structural.issues;
    const issues = mergeIssues(structuralList, semantic.issues);

    if (parsed.ok && issues.length === 0) {
      const value = normalize(parsed.value as Parsed);
      if (value) return { ok: true, value, issues: [] };
      return fail([
        {
          path: [],
          code: 'internal',
          message: 'The recommendation passed validation but could not be normalized.',
        },
      ]);
    }
    if (issues.length === 0) {
      return fail([
        {
          path: [],
          code: 'internal',
          message: 'The recommendation is invalid, but no reason could be determined.',
        },
      ]);
    }
    return fail(issues);
  } catch (error) {
    return fail([
      {
        path: [],
        code: 'internal',
        message: `The recommendation could not be validated: ${errorText(error)}.`,
      },
    ]);
  }
}

function fail(issues: RecommendationIssue[]): ParseRecommendationResult<never> {
  return { ok: false, issues };
}

/**
 * One line per issue, `path: message`, for logs and developer-facing error states.
 *
 * @example
 * formatRecommendationIssues([{ path: ['options', 1, 'probability'], code: 'out_of_range', message: 'probability is 1.2; it must be at most 1.' }]);
 * // 'options[1].probability: probability is 1.2; it must be at most 1.'
 */
export function formatRecommendationIssues(issues: readonly RecommendationIssue[]): string {
  return issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('\n');
}

/**
 * The option the AI recommends, or `undefined` for a numeric recommendation.
 *
 * @example
 * recommendedOption(rec)?.label; // 'Approve'
 */
export function recommendedOption(rec: Recommendation): RecommendationOption | undefined {
  if (rec.kind === 'numeric') return undefined;
  return rec.options.find((option) => option.id === rec.recommended);
}

/**
 * The recommended option's id, as logged in `label` fields of events; `undefined` for numeric
 * recommendations.
 *
 * @example
 * recommendationLabel(rec); // 'approve'
 */
export function recommendationLabel(rec: Recommendation): string | undefined {
  return rec.kind === 'numeric' ? undefined : rec.recommended;
}

/**
 * The recommended number, as logged in `value` fields of events; `undefined` for option-based
 * recommendations.
 *
 * @example
 * recommendationValue({ kind: 'numeric', value: 412, interval: { lo: 380, hi: 450, level: 0.9 } }); // 412
 */
export function recommendationValue(rec: Recommendation): number | undefined {
  return rec.kind === 'numeric' ? rec.value : undefined;
}
