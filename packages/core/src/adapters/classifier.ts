import type { ParseRecommendationResult, RecommendationIssue } from '../recommendation/issues.ts';
import {
  IssueCollector,
  PROBABILITY_TOLERANCE,
  describeValue,
  errorText,
  formatNumber,
  isArray,
  isRecord,
  mergeIssues,
  parseRecommendation,
} from '../recommendation/parse.ts';
import type { Calibration, ModelIdentity, Recommendation } from '../recommendation/schema.ts';

/*
 * A classifier's raw output (class labels + a probability per class) → a recommendation.
 *
 * Probabilities that do not sum to 1 are an error, not something to fix quietly: they usually
 * mean logits, a missing class or a bug upstream, and renormalising them would show people a
 * confidence the model never produced. `normalize: true` is the explicit way to say "these are
 * scores, divide them by their sum".
 */

/** What a classifier returns: one probability per class label, in the same order. */
export interface ClassifierOutput {
  labels: readonly string[];
  probabilities: readonly number[];
}

export interface FromClassifierOutputOptions {
  /** Display names by class label (`{ approve: 'Approve the application' }`); the label itself otherwise. */
  labelNames?: Readonly<Record<string, string>>;
  /**
   * `binary` for yes/no models (exactly two labels).
   * @default 'categorical'
   */
  kind?: 'categorical' | 'binary';
  /**
   * Whether the probabilities are calibrated. A shorthand for `calibration: { calibrated }`;
   * ignored when `calibration` is given.
   * @default false
   */
  calibrated?: boolean;
  /** Full calibration metadata (dataset, method, reliability bins). Takes precedence over `calibrated`. */
  calibration?: Calibration;
  model?: ModelIdentity;
  /**
   * Divide the probabilities by their sum, for models that return unnormalised non-negative
   * scores. Without it, probabilities that do not sum to 1 ± 1e-6 are an error.
   * @default false
   */
  normalize?: boolean;
}

/** The fields computed from `labels` and `probabilities`: their issues are already reported there. */
const DERIVED = new Set(['options', 'recommended', 'confidence']);

function toOutputPath(
  path: RecommendationIssue['path'],
  argmax: number | undefined,
): RecommendationIssue['path'] {
  const [head, index, field, ...more] = path;
  if (head === 'options') {
    if (index === undefined) return ['labels'];
    if (field === 'probability') return ['probabilities', index, ...more];
    if (field === 'id') return ['labels', index, ...more];
    if (field === 'label') return ['labelNames'];
    return ['labels', index];
  }
  if (head === 'recommended') return ['labels'];
  if (head === 'confidence') return argmax === undefined ? ['probabilities'] : ['probabilities', argmax];
  return path;
}

function labelName(names: FromClassifierOutputOptions['labelNames'], label: string): string {
  try {
    if (names === undefined || !Object.hasOwn(names, label)) return label;
    const name = names[label];
    return typeof name === 'string' && name !== '' ? name : label;
  } catch {
    return label;
  }
}

function convert(
  output: unknown,
  options: FromClassifierOutputOptions,
): ParseRecommendationResult<Recommendation> {
  const c = new IssueCollector();
  if (!isRecord(output)) {
    c.add(
      [],
      'invalid_type',
      `A classifier output must be an object with labels and probabilities, got ${describeValue(output)}.`,
    );
    return { ok: false, issues: c.issues };
  }

  const kind = options.kind ?? 'categorical';
  if (kind !== 'categorical' && kind !== 'binary') {
    c.add(
      ['kind'],
      'invalid_value',
      `kind is ${describeValue(kind)}; a classifier output is "categorical" or "binary".`,
    );
  }

  // Issues from here on are about labels and probabilities; the sum is checked only without them.
  const before = c.issues.length;
  const rawLabels = c.read(output, 'labels', ['labels']);
  const rawProbabilities = c.read(output, 'probabilities', ['probabilities']);
  for (const [key, raw] of [
    ['labels', rawLabels],
    ['probabilities', rawProbabilities],
  ] as const) {
    if (raw === undefined) c.add([key], 'missing', `${key} is required (an array).`);
    else if (!isArray(raw))
      c.add([key], 'invalid_type', `${key} must be an array, got ${describeValue(raw)}.`);
  }
  const labels = c.elements(rawLabels, ['labels']);
  const probabilities = c.elements(rawProbabilities, ['probabilities']);

  if (isArray(rawLabels) && labels.length === 0) {
    c.add(
      ['labels'],
      'empty_options',
      'labels is empty; a classifier output needs at least one class to recommend.',
    );
  }
  if (isArray(rawLabels) && isArray(rawProbabilities) && labels.length !== probabilities.length) {
    c.add(
      ['probabilities'],
      'invalid_value',
      `There are ${labels.length} labels but ${probabilities.length} probabilities; each label needs exactly one probability.`,
    );
  }

  const firstAt = new Map<string, number>();
  labels.forEach((label, i) => {
    if (typeof label !== 'string') {
      c.add(['labels', i], 'invalid_type', `labels[${i}] must be a string, got ${describeValue(label)}.`);
    } else if (label === '') {
      c.add(['labels', i], 'invalid_value', `labels[${i}] must not be empty.`);
    } else if (firstAt.has(label)) {
      c.add(
        ['labels', i],
        'duplicate_id',
        `Label ${JSON.stringify(label)} appears twice (first at labels[${firstAt.get(label)}]).`,
      );
    } else {
      firstAt.set(label, i);
    }
  });

  const normalize = options.normalize === true;
  probabilities.forEach((p, i) => {
    if (typeof p !== 'number') {
      c.add(
        ['probabilities', i],
        'invalid_type',
        `probabilities[${i}] must be a number, got ${describeValue(p)}.`,
      );
    } else if (!Number.isFinite(p)) {
      c.add(
        ['probabilities', i],
        'not_finite',
        `probabilities[${i}] is ${String(p)}; it must be a finite number.`,
      );
    } else if (p < 0) {
      c.add(
        ['probabilities', i],
        'out_of_range',
        `probabilities[${i}] is ${formatNumber(p)}; a probability cannot be negative.`,
      );
    } else if (p > 1 && !normalize) {
      c.add(
        ['probabilities', i],
        'out_of_range',
        `probabilities[${i}] is ${formatNumber(p)}; a probability cannot exceed 1 (pass normalize: true if these are unnormalised scores).`,
      );
    }
  });

  let values = probabilities as number[];
  // The classifier's own scores decide the pick: dividing by their sum can round two different
  // scores to the same probability (999999.9999999999 and 1e6 of a sum near 3e6), and the
  // recommendation must be the label the classifier scored highest.
  const scores = values;
  if (c.issues.length === before) {
    const sum = values.reduce((a, b) => a + b, 0);
    if (normalize) {
      if (sum > 0) values = values.map((p) => p / sum);
      else
        c.add(
          ['probabilities'],
          'invalid_value',
          'The probabilities sum to 0, so they cannot be normalized.',
        );
    } else if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      c.add(
        ['probabilities'],
        'probabilities_sum',
        `Probabilities sum to ${formatNumber(sum)}, expected 1 ± 1e-6. They are not renormalized silently; pass normalize: true to divide them by their sum.`,
      );
    }
  }

  // The first maximum wins, so that ties resolve the same way on every run and in every log.
  let argmax: number | undefined;
  scores.forEach((p, i) => {
    if (typeof p === 'number' && (argmax === undefined || p > (scores[argmax] as number))) argmax = i;
  });

  const candidate: Record<string, unknown> = {
    kind,
    options: labels.map((label, i) => ({
      id: label,
      label: typeof label === 'string' ? labelName(options.labelNames, label) : label,
      probability: values[i],
    })),
    calibration: options.calibration ?? { calibrated: options.calibrated ?? false },
  };
  if (argmax !== undefined) {
    candidate['recommended'] = labels[argmax];
    candidate['confidence'] = values[argmax];
  }
  if (options.model !== undefined) candidate['model'] = options.model;

  const parsed = parseRecommendation(candidate);
  if (parsed.ok && c.issues.length === 0) return parsed;

  // Once labels or probabilities are broken, the options built from them are too; only the
  // caller's own options (model, calibration, kind) still have something new to say.
  const brokenInput = c.issues.length > 0;
  const fromSchema = parsed.ok
    ? []
    : parsed.issues
        .filter((issue) => !(brokenInput && DERIVED.has(String(issue.path[0]))))
        .map((issue) => ({ ...issue, path: toOutputPath(issue.path, argmax) }));
  return { ok: false, issues: mergeIssues(c.issues, fromSchema) };
}

/**
 * Turns a classifier's output into a recommendation: the most probable label is recommended,
 * and its probability is the confidence. On a tie the first of the tied labels (in the order
 * given) is recommended, so the result never depends on anything but the input.
 *
 * Never throws. Mismatched lengths, duplicate or empty labels, non-finite, negative or
 * non-normalised probabilities come back as issues with paths into the output
 * (`probabilities[2]`). Probabilities are never renormalised unless `normalize: true` asks.
 *
 * @example
 * const result = fromClassifierOutput(
 *   { labels: ['approve', 'reject'], probabilities: [0.83, 0.17] },
 *   { kind: 'binary', labelNames: { approve: 'Approve', reject: 'Reject' }, calibrated: true },
 * );
 * // result.value: { kind: 'binary', recommended: 'approve', confidence: 0.83, … }
 */
export function fromClassifierOutput(
  output: ClassifierOutput,
  options: FromClassifierOutputOptions = {},
): ParseRecommendationResult<Recommendation> {
  try {
    return convert(output, options);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'internal',
          message: `The classifier output could not be converted: ${errorText(error)}.`,
        },
      ],
    };
  }
}
