import type { Recommendation } from '../recommendation/schema.ts';
import type { RecommendationIssue } from '../recommendation/issues.ts';

/*
 * The decision space belongs to the procedure, not to the AI (docs/architecture.md §2, "Validate
 * and plan"; docs/contracts.md §3.2). A procedure that passes its options gets three things the AI's payload
 * cannot give: a person can decide when there is no recommendation at all, the order shown is
 * the procedure's (so it cannot hint at the AI's pick before the reveal), and a recommendation
 * that names something the procedure does not offer is refused as invalid instead of shown.
 */

/**
 * One option of a decision: the id that is logged and its label, with translations by locale.
 *
 * @example
 * const option: DecisionOption = { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' } };
 */
export interface DecisionOption {
  /** The id that is logged (`label` in events). */
  id: string;
  /** The fallback label. */
  label: string;
  /** Translations by locale, e.g. `{ de: 'Ablehnen', en: 'Reject' }`. */
  labels?: Record<string, string> | undefined;
}

/**
 * What a decision is about, as the procedure defines it: options to choose from (in the
 * procedure's order), or an amount with its unit and an optional range and step.
 *
 * @example
 * const choice: DecisionOptions = { kind: 'choice', options: [
 *   { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
 *   { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
 * ] };
 * const amount: DecisionOptions = { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 };
 */
export type DecisionOptions =
  | { kind: 'choice'; options: DecisionOption[] }
  | {
      kind: 'numeric';
      /** An ISO currency code (`EUR`) or any unit text (`€ / Monat`). */
      unit?: string | undefined;
      /** The smallest value a decision may take. */
      min?: number | undefined;
      /** The largest value a decision may take. */
      max?: number | undefined;
      /** The granularity an input offers (not enforced on logged values). */
      step?: number | undefined;
    };

/** The result of `parseDecisionOptions`. */
export type ParseDecisionOptionsResult =
  { ok: true; value: DecisionOptions } | { ok: false; issues: RecommendationIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** -0 becomes 0: JSON cannot carry -0, and the options are kept in the plain-JSON state. */
function plainNumber(n: number): number {
  return n === 0 ? 0 : n;
}

/**
 * Validates a procedure's decision options and returns a clean copy (unknown keys dropped), or
 * every problem with its path. Never throws.
 *
 * @example
 * const parsed = parseDecisionOptions({ kind: 'choice', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] });
 * parsed.ok; // false: issues[0].code === 'duplicate_id'
 */
export function parseDecisionOptions(input: unknown): ParseDecisionOptionsResult {
  const issues: RecommendationIssue[] = [];
  const issue = (path: (string | number)[], code: RecommendationIssue['code'], message: string) =>
    issues.push({ path, code, message });
  try {
    if (!isRecord(input)) {
      issue([], 'invalid_type', 'The decision options must be an object with a kind.');
      return { ok: false, issues };
    }
    if (input.kind === 'choice') {
      const raw = input.options;
      if (!Array.isArray(raw)) {
        issue(['options'], 'invalid_type', 'options must be a list of { id, label }.');
        return { ok: false, issues };
      }
      if (raw.length < 2) issue(['options'], 'empty_options', 'A choice needs at least two options.');
      const seen = new Set<string>();
      const options: DecisionOption[] = [];
      raw.forEach((option: unknown, index) => {
        if (!isRecord(option)) {
          issue(['options', index], 'invalid_type', 'Each option must be an object { id, label }.');
          return;
        }
        const { id, label, labels } = option;
        if (typeof id !== 'string' || id.trim() === '') {
          issue(['options', index, 'id'], 'missing', 'Each option needs a non-empty id.');
          return;
        }
        if (seen.has(id))
          issue(['options', index, 'id'], 'duplicate_id', `The option id "${id}" appears twice.`);
        seen.add(id);
        if (typeof label !== 'string' || label.trim() === '') {
          issue(['options', index, 'label'], 'missing', `The option "${id}" needs a non-empty label.`);
          return;
        }
        let copy: Record<string, string> | undefined;
        if (labels !== undefined) {
          if (!isRecord(labels) || !Object.values(labels).every((text) => typeof text === 'string')) {
            issue(['options', index, 'labels'], 'invalid_type', 'labels must map locales to texts.');
            return;
          }
          copy = { ...(labels as Record<string, string>) };
        }
        options.push(copy === undefined ? { id, label } : { id, label, labels: copy });
      });
      return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { kind: 'choice', options } };
    }
    if (input.kind === 'numeric') {
      const { unit, min, max, step } = input;
      if (unit !== undefined && typeof unit !== 'string')
        issue(['unit'], 'invalid_type', 'unit must be a string.');
      for (const [key, value] of [
        ['min', min],
        ['max', max],
        ['step', step],
      ] as const) {
        if (value !== undefined && !finite(value))
          issue([key], 'not_finite', `${key} must be a finite number.`);
      }
      if (finite(min) && finite(max) && min > max)
        issue(['max'], 'out_of_range', 'max must not be below min.');
      if (finite(step) && step <= 0) issue(['step'], 'out_of_range', 'step must be greater than 0.');
      if (issues.length > 0) return { ok: false, issues };
      return {
        ok: true,
        value: {
          kind: 'numeric',
          ...(unit === undefined ? {} : { unit: unit as string }),
          ...(min === undefined ? {} : { min: plainNumber(min as number) }),
          ...(max === undefined ? {} : { max: plainNumber(max as number) }),
          ...(step === undefined ? {} : { step: step as number }),
        },
      };
    }
    issue(['kind'], 'invalid_value', 'kind must be "choice" or "numeric".');
    return { ok: false, issues };
  } catch {
    // A hostile object (a getter that throws): refuse it as a whole.
    return {
      ok: false,
      issues: [{ path: [], code: 'internal', message: 'The decision options could not be read.' }],
    };
  }
}

/**
 * Checks a validated recommendation against the procedure's options: the kinds must match, and
 * every option id the AI names (its pick, its probabilities, its ranking) must be one of the
 * procedure's; a numeric recommendation must lie in the procedure's range. Returns the problems
 * (empty when it fits), with paths into the recommendation.
 *
 * @example
 * recommendationFitsOptions(rec, { kind: 'choice', options }); // [{ path: ['recommended'], code: 'unknown_option', … }]
 */
export function recommendationFitsOptions(
  rec: Recommendation,
  options: DecisionOptions,
): RecommendationIssue[] {
  const issues: RecommendationIssue[] = [];
  if (rec.kind === 'numeric') {
    if (options.kind !== 'numeric') {
      return [
        {
          path: ['kind'],
          code: 'invalid_type',
          message: 'The recommendation is an amount, but the procedure decides between options.',
        },
      ];
    }
    const { min, max } = options;
    if ((min !== undefined && rec.value < min) || (max !== undefined && rec.value > max)) {
      issues.push({
        path: ['value'],
        code: 'out_of_range',
        message: `The recommended value ${rec.value} lies outside the procedure's range (${min ?? '−∞'} to ${max ?? '∞'}).`,
      });
    }
    if (options.unit !== undefined && rec.unit !== undefined && options.unit !== rec.unit) {
      issues.push({
        path: ['unit'],
        code: 'invalid_value',
        message: `The recommendation's unit "${rec.unit}" is not the procedure's unit "${options.unit}".`,
      });
    }
    return issues;
  }
  if (options.kind !== 'choice') {
    return [
      {
        path: ['kind'],
        code: 'invalid_type',
        message: 'The recommendation chooses between options, but the procedure decides an amount.',
      },
    ];
  }
  const ids = new Set(options.options.map((option) => option.id));
  const list = options.options.map((option) => option.id).join(', ');
  rec.options.forEach((option, index) => {
    if (!ids.has(option.id)) {
      issues.push({
        path: ['options', index, 'id'],
        code: 'unknown_option',
        message: `The recommendation names "${option.id}", which is not one of the procedure's options (${list}).`,
      });
    }
  });
  // `parseRecommendation` fills `recommended` for ranked lists; a hand-built one may lack it.
  const recommended = rec.kind === 'ranked' ? (rec.recommended ?? rec.options[0]?.id) : rec.recommended;
  if (recommended !== undefined && !ids.has(recommended)) {
    issues.push({
      path: ['recommended'],
      code: 'unknown_option',
      message: `The recommended option "${recommended}" is not one of the procedure's options (${list}).`,
    });
  }
  return issues;
}

/**
 * The decision space of a recommendation, for procedures that pass no options (the lesser way:
 * the AI's payload then decides what can be chosen, and in which order). `null` without one.
 *
 * @example
 * optionsFromRecommendation(rec); // { kind: 'choice', options: [...] }
 */
export function optionsFromRecommendation(rec: Recommendation | null): DecisionOptions | null {
  if (rec === null) return null;
  if (rec.kind === 'numeric')
    return rec.unit === undefined ? { kind: 'numeric' } : { kind: 'numeric', unit: rec.unit };
  return {
    kind: 'choice',
    options: rec.options.map(({ id, label, labels }) =>
      labels === undefined ? { id, label } : { id, label, labels: { ...labels } },
    ),
  };
}
