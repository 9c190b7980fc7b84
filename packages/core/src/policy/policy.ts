import * as z from 'zod/mini';
import { STAKES } from '../stakes.ts';
import type { Stakes } from '../stakes.ts';
import { deterministicDraw } from '../util/hash.ts';
import type {
  Arm,
  ChecklistItem,
  ConfidenceBand,
  FrictionPlan,
  FrictionPolicy,
  FrictionSettings,
  JustificationRule,
  PolicyRule,
  ResolvePolicyInput,
  RevealMode,
} from './types.ts';

/*
 * The friction policy turns what is at stake and how far the AI's confidence can be trusted
 * into a friction plan. Policies are data (declarative rules, tried in order) so that UX
 * reviewers and staff councils can read them, and so that the policy id and version logged on
 * `decision.opened` identify exactly which friction a person faced.
 */

/* -------------------------------------------------------------------------------------------------
 * Vocabulary
 * -----------------------------------------------------------------------------------------------*/

/**
 * Every reveal mode, from least to most friction.
 * @example REVEAL_MODES.includes('on-request') // true
 */
export const REVEAL_MODES: readonly RevealMode[] = Object.freeze([
  'immediate',
  'on-request',
  'after-judgement',
]);

/**
 * Every justification rule, from least to most friction.
 * @example JUSTIFICATION_RULES.at(-1) // 'always'
 */
export const JUSTIFICATION_RULES: readonly JustificationRule[] = Object.freeze([
  'none',
  'override',
  'always',
]);

/**
 * Every confidence band. Only `high` means "calibrated and confident".
 * @example CONFIDENCE_BANDS.includes('uncalibrated') // true
 */
export const CONFIDENCE_BANDS: readonly ConfidenceBand[] = Object.freeze([
  'high',
  'medium',
  'low',
  'uncalibrated',
  'unknown',
]);

/**
 * Both arms: the AI arm and the no-AI control arm.
 * @example ARMS // ['ai', 'no-ai']
 */
export const ARMS: readonly Arm[] = Object.freeze(['ai', 'no-ai']);

/* -------------------------------------------------------------------------------------------------
 * PolicyError
 * -----------------------------------------------------------------------------------------------*/

/**
 * Thrown when a policy is invalid (by `definePolicy`, listing every problem at once) or when
 * `resolvePolicy` gets input it cannot resolve. Both are programming errors, not user errors.
 * @example
 * try { definePolicy(policy) } catch (error) {
 *   if (error instanceof PolicyError) console.error(error.issues.join('\n'));
 * }
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  /** One English sentence per problem, prefixed with where it is (`rules[2].plan.minOwnTimeMs: …`). */
  readonly issues: string[];

  constructor(issues: string[], subject = 'Invalid friction policy') {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${subject} (${count}):\n${issues.map((issue) => `- ${issue}`).join('\n')}`);
    this.issues = issues;
  }
}

/* -------------------------------------------------------------------------------------------------
 * Schema
 * -----------------------------------------------------------------------------------------------*/

const OBJECT = { error: 'must be an object' };
const nonEmpty = () =>
  z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, 'must not be empty'));
// zod 4 numbers reject NaN and ±Infinity, so "finite" comes with the type check.
const finite = () => z.number({ error: 'must be a finite number' });
const unitInterval = () =>
  finite().check(z.gte(0, 'must be between 0 and 1'), z.lte(1, 'must be between 0 and 1'));
const oneOf = <T extends string>(values: readonly T[], what: string) =>
  z.enum(values as readonly [T, ...T[]], { error: `must be a ${what}: ${values.join(', ')}` });

const LocalizedTextSchema = z.catchall(
  z.object({ en: nonEmpty(), de: nonEmpty() }, { error: 'must be an object with `en` and `de` labels' }),
  z.string({ error: 'must be a string' }),
);

const ChecklistItemSchema = z.strictObject({ id: nonEmpty(), label: LocalizedTextSchema }, OBJECT);

const ChecklistSchema = z.array(ChecklistItemSchema, { error: 'must be an array' }).check(
  z.superRefine(
    (items: unknown, ctx) => {
      if (!Array.isArray(items)) return;
      const seen = new Set<string>();
      items.forEach((item: unknown, index) => {
        if (!isRecord(item) || typeof item['id'] !== 'string') return;
        const id = item['id'];
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            input: id,
            message: `duplicate checklist id "${id}"`,
          });
        seen.add(id);
      });
    },
    // Runs even when an item failed its own checks, so one call reports every problem.
    { when: () => true },
  ),
);

const settingsShape = {
  reveal: oneOf(REVEAL_MODES, 'reveal mode'),
  justification: oneOf(JUSTIFICATION_RULES, 'justification rule'),
  minOwnTimeMs: finite().check(z.gte(0, 'must be 0 or more milliseconds')),
  checklist: ChecklistSchema,
};

const RuleSchema = z.strictObject(
  {
    id: nonEmpty(),
    // A rule without a reason is exactly what UX reviewers cannot assess, so the reason is required.
    description: nonEmpty(),
    when: z.strictObject(
      {
        stakes: z.optional(z.array(oneOf(STAKES, 'stakes level'), { error: 'must be an array' })),
        band: z.optional(z.array(oneOf(CONFIDENCE_BANDS, 'confidence band'), { error: 'must be an array' })),
      },
      OBJECT,
    ),
    plan: z.strictObject(settingsShape, OBJECT),
  },
  OBJECT,
);

/*
 * Objects are strict: a typo such as `when: { stake: ['high'] }` would otherwise be stripped and
 * silently turn a high-stakes rule into a catch-all — the least friction for everyone.
 */
const PolicySchema = z
  .strictObject(
    {
      id: nonEmpty(),
      version: nonEmpty(),
      description: z.optional(z.string({ error: 'must be a string' })),
      bands: z.strictObject({ high: unitInterval(), medium: unitInterval() }, OBJECT),
      rules: z.array(RuleSchema, { error: 'must be an array' }),
      auditRate: unitInterval(),
      noAiRate: unitInterval(),
      audit: z.strictObject(
        {
          reveal: z.optional(settingsShape.reveal),
          justification: z.optional(settingsShape.justification),
          minOwnTimeMs: z.optional(settingsShape.minOwnTimeMs),
          checklist: z.optional(settingsShape.checklist),
        },
        OBJECT,
      ),
    },
    { error: 'the policy must be an object' },
  )
  // `when: () => true`: the cross-field checks run even when a field failed its type check, so
  // one call reports every problem. They therefore read the value defensively.
  .check(z.superRefine((policy, ctx) => crossFieldIssues(policy, ctx), { when: () => true }));

type IssueSink = Pick<z.core.$RefinementCtx, 'addIssue'>;

function crossFieldIssues(policy: unknown, ctx: IssueSink): void {
  if (!isRecord(policy)) return;
  const add = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, input: policy, message });

  const bands = policy['bands'];
  if (isRecord(bands) && typeof bands['high'] === 'number' && typeof bands['medium'] === 'number') {
    if (bands['medium'] > bands['high']) {
      add(
        ['bands'],
        `medium threshold (${bands['medium']}) must not be above high threshold (${bands['high']})`,
      );
    }
  }

  const rules = policy['rules'];
  if (!Array.isArray(rules)) return;
  if (rules.length === 0) {
    add(
      ['rules'],
      'must contain at least one rule, and the last must be a catch-all (a rule with no conditions)',
    );
    return;
  }

  const seen = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule) || typeof rule['id'] !== 'string') return;
    if (seen.has(rule['id'])) add(['rules', index, 'id'], `duplicate rule id "${rule['id']}"`);
    seen.add(rule['id']);
  });

  const lastIndex = rules.length - 1;
  const last: unknown = rules[lastIndex];
  if (isRecord(last) && isRecord(last['when']) && !isCatchAll(last['when'])) {
    add(
      ['rules', lastIndex, 'when'],
      'the last rule must be a catch-all (a rule with no conditions), so every decision gets a plan',
    );
  }

  // A rule that earlier rules fully shadow can never fire; that is always a mistake in the
  // policy (often a catch-all placed too early). The domain is small (3 stakes × 5 bands), so
  // checking every cell is exact.
  const covered = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule) || !isRecord(rule['when'])) return;
    const cells = matchedCells(rule['when']);
    if (cells.length > 0 && cells.every((cell) => covered.has(cell))) {
      const name = typeof rule['id'] === 'string' ? `"${rule['id']}"` : `at index ${index}`;
      add(['rules', index], `rule ${name} can never fire: earlier rules match every case it matches`);
    }
    for (const cell of cells) covered.add(cell);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCatchAll(when: Record<string, unknown>): boolean {
  const empty = (field: unknown) => field === undefined || (Array.isArray(field) && field.length === 0);
  return empty(when['stakes']) && empty(when['band']);
}

/** Every (stakes, band) cell a `when` clause matches; unknown names match nothing. */
function matchedCells(when: Record<string, unknown>): string[] {
  const pick = <T extends string>(field: unknown, all: readonly T[]): readonly T[] => {
    if (field === undefined || (Array.isArray(field) && field.length === 0)) return all;
    if (!Array.isArray(field)) return [];
    return all.filter((value) => field.includes(value));
  };
  const cells: string[] = [];
  for (const stakes of pick(when['stakes'], STAKES)) {
    for (const band of pick(when['band'], CONFIDENCE_BANDS)) cells.push(`${stakes}/${band}`);
  }
  return cells;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  let path = '';
  for (const key of issue.path) {
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${path === '' ? '' : `${path}: `}unknown key${issue.keys.length === 1 ? '' : 's'} ${keys}`;
  }
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/* -------------------------------------------------------------------------------------------------
 * definePolicy
 * -----------------------------------------------------------------------------------------------*/

// Policies that definePolicy produced. They are frozen, so they stay valid, and resolvePolicy
// can skip validating them again. Any other object is validated on every resolve.
const validated = new WeakSet<FrictionPolicy>();

/**
 * Validates a friction policy and returns a frozen deep copy. Throws a `PolicyError` that lists
 * every problem at once: empty id or version, rates or thresholds outside [0, 1], a medium
 * threshold above the high one, duplicate rule ids, negative or non-finite `minOwnTimeMs`,
 * duplicate checklist ids, unknown stakes or band names, unknown keys (a typo in `when` would
 * otherwise widen a rule), rules that can never fire, and a missing catch-all last rule (a rule
 * with no conditions), so that `resolvePolicy` always finds a rule.
 *
 * The policy id and version are logged with every decision; change the version whenever a rule
 * changes, so that evaluators can tell the friction regimes apart.
 * @example
 * const policy = definePolicy({
 *   ...defaultPolicy,
 *   id: 'housing-benefit.eligibility',
 *   version: '2025-01',
 *   noAiRate: 0.1, // a 10 % no-AI control arm for the evaluation
 * });
 */
export function definePolicy(policy: FrictionPolicy): FrictionPolicy {
  const result = PolicySchema.safeParse(policy);
  if (!result.success) throw new PolicyError(result.error.issues.map(formatIssue));
  // A validated policy is plain JSON; a JSON round trip guarantees nothing is shared with the
  // caller's input (and needs no DOM or Node global, unlike structuredClone).
  const copy = deepFreeze(JSON.parse(JSON.stringify(result.data)) as FrictionPolicy);
  validated.add(copy);
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/* -------------------------------------------------------------------------------------------------
 * confidenceBand
 * -----------------------------------------------------------------------------------------------*/

/**
 * Sorts the AI's confidence into a band. `unknown` when there is no finite confidence in [0, 1];
 * `uncalibrated` whenever `calibrated` is not exactly `true` — an uncalibrated 0.99 says little
 * about how often the AI is right (Zhang, Liao & Bellamy 2020), so it must never count as high;
 * otherwise `high` at or above `bands.high`, `medium` at or above `bands.medium`, else `low`.
 * @param bands @default defaultPolicy.bands (high ≥ 0.9, medium ≥ 0.66)
 * @example
 * confidenceBand(0.93, true) // 'high'
 * confidenceBand(0.99, undefined) // 'uncalibrated'
 * confidenceBand(undefined, true) // 'unknown'
 */
export function confidenceBand(
  confidence: number | undefined,
  calibrated: boolean | undefined,
  bands: FrictionPolicy['bands'] = DEFAULT_BANDS,
): ConfidenceBand {
  // Out-of-range values are not probabilities; treating them as unknown keeps a bad adapter
  // from buying the least friction with a confidence of 1.7.
  if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    return 'unknown';
  }
  if (calibrated !== true) return 'uncalibrated';
  if (confidence >= bands.high) return 'high';
  if (confidence >= bands.medium) return 'medium';
  return 'low';
}

/* -------------------------------------------------------------------------------------------------
 * resolvePolicy
 * -----------------------------------------------------------------------------------------------*/

/**
 * Resolves the friction plan for one decision: the first rule whose `when` matches the stakes
 * and the confidence band fires (an omitted or empty field matches everything). Two draws, each
 * from `deterministicDraw(seed, key)` with independent keys, then decide whether the decision
 * is in the no-AI control arm (`arm:<decisionId>` below `noAiRate`) and whether it is an audit
 * sample (`audit:<decisionId>` below `auditRate`); the same seed and decision id always give the
 * same draws, so a reload cannot re-roll them. An audit sample merges `policy.audit` over the
 * rule's settings (checklists concatenated, no duplicate ids). In the no-AI arm the rest of the
 * plan still applies, so that the arms differ only in the AI.
 *
 * Pure and deterministic. Throws a `PolicyError` for unknown stakes, an empty decision id, or a
 * policy that `definePolicy` would reject (policies not made by `definePolicy` are validated
 * here on every call).
 * @param input.policy @default defaultPolicy
 * @param input.seed @default `${policy.id}@${policy.version}` — so a new policy version draws
 *   anew; pass a deployment-wide seed to keep assignments stable across versions.
 * @example
 * const plan = resolvePolicy({ stakes: 'high', confidence: 0.82, calibrated: true, decisionId: 'd-1' });
 * plan.reveal // 'after-judgement'
 * plan.rule // 'high-stakes'
 */
export function resolvePolicy(input: ResolvePolicyInput): FrictionPlan {
  const given = input.policy ?? defaultPolicy;
  const policy = validated.has(given) ? given : definePolicy(given);

  const problems: string[] = [];
  if (!(STAKES as readonly unknown[]).includes(input.stakes)) {
    // Falling through to the catch-all would give an unrecognised (likely higher) level the least friction.
    problems.push(`stakes: must be one of ${STAKES.join(', ')}, got ${JSON.stringify(input.stakes)}`);
  }
  if (typeof input.decisionId !== 'string' || input.decisionId === '') {
    // Every decision without an id would share one draw, which breaks the sampling.
    problems.push('decisionId: must be a non-empty string');
  }
  if (input.seed !== undefined && typeof input.seed !== 'string') problems.push('seed: must be a string');
  if (problems.length > 0) throw new PolicyError(problems, 'Cannot resolve friction policy');

  const { stakes, decisionId } = input;
  const band = confidenceBand(input.confidence, input.calibrated, policy.bands);
  const rule = policy.rules.find((candidate) => matches(candidate, stakes, band));
  if (rule === undefined) {
    // Unreachable for validated policies, which end with a catch-all.
    throw new PolicyError(
      [`no rule matches stakes "${stakes}" and band "${band}"`],
      'Cannot resolve friction policy',
    );
  }

  const seed = input.seed ?? `${policy.id}@${policy.version}`;
  const arm: Arm = deterministicDraw(seed, `arm:${decisionId}`) < policy.noAiRate ? 'no-ai' : 'ai';
  const audit = deterministicDraw(seed, `audit:${decisionId}`) < policy.auditRate;
  const settings = audit ? mergeSettings(rule.plan, policy.audit) : rule.plan;

  return {
    reveal: settings.reveal,
    justification: settings.justification,
    minOwnTimeMs: settings.minOwnTimeMs,
    checklist: settings.checklist.map(copyItem),
    policyId: policy.id,
    policyVersion: policy.version,
    rule: rule.id,
    stakes,
    band,
    arm,
    audit,
  };
}

function matches(rule: PolicyRule, stakes: Stakes, band: ConfidenceBand): boolean {
  const { stakes: stakesIn, band: bandIn } = rule.when;
  return (
    (stakesIn === undefined || stakesIn.length === 0 || stakesIn.includes(stakes)) &&
    (bandIn === undefined || bandIn.length === 0 || bandIn.includes(band))
  );
}

function mergeSettings(base: FrictionSettings, over: Partial<FrictionSettings>): FrictionSettings {
  const ids = new Set(base.checklist.map((item) => item.id));
  return {
    reveal: over.reveal ?? base.reveal,
    justification: over.justification ?? base.justification,
    minOwnTimeMs: over.minOwnTimeMs ?? base.minOwnTimeMs,
    checklist: [...base.checklist, ...(over.checklist ?? []).filter((item) => !ids.has(item.id))],
  };
}

// The plan is the caller's to keep in state; it must not share (frozen) objects with the policy.
function copyItem(item: ChecklistItem): ChecklistItem {
  return { id: item.id, label: { ...item.label } };
}

/* -------------------------------------------------------------------------------------------------
 * describePlan
 * -----------------------------------------------------------------------------------------------*/

/**
 * A one-line English summary of a plan for logs and debugging (not for end users: UIs translate).
 * @example
 * describePlan(plan)
 * // 'deliberate.default@1.0.0 rule "high-stakes" (stakes high, band medium): reveal after-judgement,
 * //  justification always, own time ≥ 20 s, checklist [evidence-checked, counter-evidence-considered],
 * //  arm ai, audit no'
 */
export function describePlan(plan: FrictionPlan): string {
  const seconds = plan.minOwnTimeMs / 1000;
  const ownTime = plan.minOwnTimeMs === 0 ? 'no minimum own time' : `own time ≥ ${seconds} s`;
  const checklist =
    plan.checklist.length === 0
      ? 'no checklist'
      : `checklist [${plan.checklist.map((item) => item.id).join(', ')}]`;
  return (
    `${plan.policyId}@${plan.policyVersion} rule "${plan.rule}" (stakes ${plan.stakes}, band ${plan.band}): ` +
    `reveal ${plan.reveal}, justification ${plan.justification}, ${ownTime}, ${checklist}, ` +
    `arm ${plan.arm}, audit ${plan.audit ? 'yes' : 'no'}`
  );
}

/* -------------------------------------------------------------------------------------------------
 * defaultPolicy
 * -----------------------------------------------------------------------------------------------*/

const DEFAULT_BANDS: FrictionPolicy['bands'] = Object.freeze({ high: 0.9, medium: 0.66 });

const HIGH_STAKES_CHECKLIST: ChecklistItem[] = [
  {
    id: 'evidence-checked',
    label: { en: 'I checked the evidence in the case file', de: 'Ich habe die Belege in der Akte geprüft' },
  },
  {
    id: 'counter-evidence-considered',
    label: {
      en: 'I considered what speaks against my assessment',
      de: 'Ich habe bedacht, was gegen meine Einschätzung spricht',
    },
  },
];

/**
 * The default friction policy, `deliberate.default@1.0.0`, grounded in docs/research.md §2 and §4.
 * Friction rises with what is at stake for the affected person and with how little the AI's
 * confidence can be trusted; it is kept low where little is at stake, because the designs that
 * reduce over-reliance most are also the least liked (Buçinca et al. 2021) and friction that
 * feels pointless is clicked through.
 *
 * | rule | stakes | band | reveal | justification | own time | checklist |
 * |---|---|---|---|---|---|---|
 * | `high-stakes` | high | any | after-judgement | always | 20 s | 2 items |
 * | `medium-stakes-weak-confidence` | medium | low, uncalibrated, unknown | after-judgement | override | 10 s | – |
 * | `medium-stakes` | medium | high, medium | on-request | override | 10 s | – |
 * | `low-stakes-weak-confidence` | low | low, uncalibrated, unknown | on-request | override | 0 | – |
 * | `low-stakes` (catch-all) | low (what is left) | high, medium | immediate | override | 0 | – |
 *
 * Bands: `high` ≥ 0.9 and `medium` ≥ 0.66 match the verbal labels "very likely (≥ 90 %)" and
 * "likely (66–90 %)" (Wintle et al. 2019). Uncalibrated or missing confidence is never high.
 *
 * Own-assessment time: the minimum is a floor against clicking through, not a pacing device.
 * 20 s at high stakes is far below the time a real review of a case file takes, so it only
 * binds for someone who did not look; 10 s at medium stakes is enough to read the case summary.
 * Low stakes get none, because the reveal mode already does the work there and a wait on
 * routine cases is felt as the system being slow (Efendić et al. 2020). The UI must present the
 * wait as the person's own assessment time, never as "the system is thinking".
 *
 * Draws: 5 % of decisions are audit samples (reveal after-judgement, justification always), so
 * that even low-stakes flows yield the independent judgements RAIR/RSR need (docs/research.md §3) and
 * a record of substantive review (GDPR Art. 22). The no-AI control arm is off (`noAiRate: 0`):
 * withholding the AI is an evaluation design decision a deployment must opt into.
 * @example
 * resolvePolicy({ policy: defaultPolicy, stakes: 'low', confidence: 0.95, calibrated: true, decisionId: 'd-7' }).rule
 * // 'low-stakes' (or the same rule with the audit settings, for about 1 in 20 decision ids)
 */
export const defaultPolicy: FrictionPolicy = definePolicy({
  id: 'deliberate.default',
  version: '1.0.0',
  description:
    'Friction by stakes and confidence band: judge first at high stakes and wherever the confidence cannot be trusted; the AI on request or immediately where little is at stake.',
  bands: { ...DEFAULT_BANDS },
  rules: [
    /**
     * High stakes: judge first, always justify, a short checklist. Independent of the band,
     * because even well-calibrated, confident models are wrong in some cases and high stakes
     * are where those cases hurt.
     */
    {
      id: 'high-stakes',
      description:
        'High stakes: the person records their own judgement before the AI is revealed, because deciding first reduces over-reliance (Buçinca et al. 2021; Fogliato et al. 2022, at no extra time). A reason is always required, also when agreeing, because accountability reduces automation bias (Skitka, Mosier & Burdick 2000) and asking only for overrides makes accepting the easy path. A 20 s own-assessment floor and a two-item checklist (evidence, counter-evidence) make checking the case file the default; checking the evidence is what lowers over-reliance (Vasconcelos et al. 2023).',
      when: { stakes: ['high'] },
      plan: {
        reveal: 'after-judgement',
        justification: 'always',
        minOwnTimeMs: 20_000,
        checklist: HIGH_STAKES_CHECKLIST,
      },
    },
    /** Medium stakes and a confidence that is low or cannot be trusted: judge first. */
    {
      id: 'medium-stakes-weak-confidence',
      description:
        'Medium stakes with low, uncalibrated or unknown confidence: judge first, because an untrustworthy confidence invites misuse (Zhang, Liao & Bellamy 2020) and judging first reduces over-reliance (Fogliato et al. 2022). A reason for every deviation from the AI; a 10 s own-assessment floor.',
      when: { stakes: ['medium'], band: ['low', 'uncalibrated', 'unknown'] },
      plan: { reveal: 'after-judgement', justification: 'override', minOwnTimeMs: 10_000, checklist: [] },
    },
    /** Medium stakes and a calibrated, at least "likely" confidence: the AI only on request. */
    {
      id: 'medium-stakes',
      description:
        'Medium stakes with calibrated medium or high confidence: the AI is shown only on request, a cognitive-forcing design that reduces over-reliance while leaving the person in control of when to consult it (Buçinca et al. 2021; HAX G7). A reason for every deviation; a 10 s own-assessment floor.',
      when: { stakes: ['medium'] },
      plan: { reveal: 'on-request', justification: 'override', minOwnTimeMs: 10_000, checklist: [] },
    },
    /** Low stakes and a confidence that is low or cannot be trusted: nothing shown unless asked. */
    {
      id: 'low-stakes-weak-confidence',
      description:
        'Low stakes with low, uncalibrated or unknown confidence: the AI only on request, following the PAIR guidebook (consider showing nothing when confidence is low) and because uncalibrated confidence causes misuse (Zhang, Liao & Bellamy 2020). A reason for every deviation; no minimum time.',
      when: { stakes: ['low'], band: ['low', 'uncalibrated', 'unknown'] },
      plan: { reveal: 'on-request', justification: 'override', minOwnTimeMs: 0, checklist: [] },
    },
    /**
     * Catch-all: low stakes with a calibrated, at least "likely" confidence. Shown at once;
     * friction here would cost the most in volume and buy the least (Buçinca et al. 2021).
     */
    {
      id: 'low-stakes',
      description:
        'Low stakes with calibrated medium or high confidence (catch-all): the recommendation is shown immediately, with its confidence, because friction on routine decisions is disliked and clicked through (Buçinca et al. 2021) while calibrated confidence helps people calibrate their trust (Zhang, Liao & Bellamy 2020). A reason for every deviation, so overrides stay explainable (HAX G9, G15).',
      when: {},
      plan: { reveal: 'immediate', justification: 'override', minOwnTimeMs: 0, checklist: [] },
    },
  ],
  auditRate: 0.05,
  noAiRate: 0,
  audit: { reveal: 'after-judgement', justification: 'always' },
});
