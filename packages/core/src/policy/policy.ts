import * as z from 'zod/mini';
import { STAKES } from '../stakes.ts';
import type { Stakes } from '../stakes.ts';
import { deterministicDraw } from '../util/hash.ts';
import type {
  AfterRevealRule,
  Arm,
  ChecklistItem,
  ConfidenceBand,
  FrictionPlan,
  FrictionPolicy,
  FrictionSettings,
  JustificationRule,
  PlannedAfterRevealRule,
  ResolvePolicyInput,
  RevealMode,
} from './types.ts';

/*
 * The friction policy turns what is at stake into a friction plan, and — after the reveal — lets
 * the AI's confidence raise it. Policies are data (declarative rules, tried in order) so that UX
 * reviewers and staff councils can read them, and so that the policy id and version logged on
 * `decision.opened` identify exactly which friction a person faced.
 *
 * Before the reveal the plan must not depend on the AI's output: a person asked to judge first
 * only when the AI is unsure learns that it is unsure before judging (docs/architecture.md §1,
 * "Blind until committed"; docs/research.md §2, "What the plan reveals"). So `rules` choose by
 * stakes only, and the band is read only by `afterReveal`, which the reducer applies at the
 * reveal (`adaptPlanAfterReveal`, after-reveal.ts).
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

const stakesList = () => z.optional(z.array(oneOf(STAKES, 'stakes level'), { error: 'must be an array' }));

const RuleSchema = z.strictObject(
  {
    id: nonEmpty(),
    // A rule without a reason is exactly what UX reviewers cannot assess, so the reason is required.
    description: nonEmpty(),
    when: z.strictObject(
      {
        stakes: stakesList(),
        // Accepted by the shape only so that the cross-field check can say why it is refused
        // (`blindnessIssues`), instead of a bare "unknown key".
        band: z.optional(z.unknown()),
      },
      OBJECT,
    ),
    plan: z.strictObject(settingsShape, OBJECT),
  },
  OBJECT,
);

const AfterRevealRuleSchema = z.strictObject(
  {
    id: nonEmpty(),
    description: nonEmpty(),
    when: z.strictObject(
      {
        stakes: stakesList(),
        band: z.optional(z.array(oneOf(CONFIDENCE_BANDS, 'confidence band'), { error: 'must be an array' })),
      },
      OBJECT,
    ),
    justification: oneOf(JUSTIFICATION_RULES, 'justification rule'),
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
      afterReveal: z.optional(z.array(AfterRevealRuleSchema, { error: 'must be an array' })),
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

  afterRevealIssues(policy['afterReveal'], add);

  const rules = policy['rules'];
  if (!Array.isArray(rules)) return;
  if (rules.length === 0) {
    add(
      ['rules'],
      'must contain at least one rule, and the last must be a catch-all (a rule with no conditions)',
    );
    return;
  }

  blindnessIssues(rules, add);
  duplicateIds(rules, 'rules', add);

  const lastIndex = rules.length - 1;
  const last: unknown = rules[lastIndex];
  if (isRecord(last) && isRecord(last['when']) && !isCatchAll(last['when'])) {
    add(
      ['rules', lastIndex, 'when'],
      'the last rule must be a catch-all (a rule with no conditions), so every decision gets a plan',
    );
  }

  // A rule that earlier rules fully shadow can never fire; that is always a mistake in the
  // policy (often a catch-all placed too early). Rules before the reveal choose by stakes only,
  // so checking every stakes level is exact. A rule with a band condition is refused on its own
  // (above) and covers nothing here, so the rules after it are not reported as shadowed too.
  shadowedRules(rules, 'rules', (when) => (hasBandCondition(when) ? [] : matchedCells(when, false)), add);
}

type AddIssue = (path: (string | number)[], message: string) => void;

/**
 * A rule before the reveal that reads the AI's confidence band would choose the reveal mode, the
 * own-assessment time or the checklist from the AI's output, and the screen would then tell the
 * person what the AI thinks before they judge (docs/architecture.md §1). An empty list is no
 * condition and passes.
 */
function blindnessIssues(rules: unknown[], add: AddIssue): void {
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule) || !isRecord(rule['when'])) return;
    if (!hasBandCondition(rule['when'])) return;
    add(
      ['rules', index, 'when', 'band'],
      "a rule before the reveal must not depend on the AI's confidence band: it would choose the " +
        "reveal mode, own-assessment time or checklist from the AI's output, so the screen itself " +
        'would tell the person what the AI thinks before they judge. Put band conditions in ' +
        '`afterReveal`, which applies once the AI is shown.',
    );
  });
}

function afterRevealIssues(afterReveal: unknown, add: AddIssue): void {
  if (!Array.isArray(afterReveal)) return;
  duplicateIds(afterReveal, 'afterReveal', add);
  afterReveal.forEach((rule: unknown, index) => {
    // An after-reveal rule only ever raises the plan's justification; `none` never raises anything.
    if (isRecord(rule) && rule['justification'] === 'none') {
      add(
        ['afterReveal', index, 'justification'],
        'an after-reveal rule can only raise the justification; "none" would never change a plan',
      );
    }
  });
  shadowedRules(afterReveal, 'afterReveal', (when) => matchedCells(when, true), add);
}

function duplicateIds(rules: unknown[], field: string, add: AddIssue): void {
  const seen = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule) || typeof rule['id'] !== 'string') return;
    if (seen.has(rule['id'])) add([field, index, 'id'], `duplicate rule id "${rule['id']}"`);
    seen.add(rule['id']);
  });
}

function shadowedRules(
  rules: unknown[],
  field: string,
  cellsOf: (when: Record<string, unknown>) => string[],
  add: AddIssue,
): void {
  const covered = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule) || !isRecord(rule['when'])) return;
    const cells = cellsOf(rule['when']);
    if (cells.length > 0 && cells.every((cell) => covered.has(cell))) {
      const name = typeof rule['id'] === 'string' ? `"${rule['id']}"` : `at index ${index}`;
      add([field, index], `rule ${name} can never fire: earlier rules match every case it matches`);
    }
    for (const cell of cells) covered.add(cell);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasBandCondition(when: Record<string, unknown>): boolean {
  const band = when['band'];
  return !(band === undefined || (Array.isArray(band) && band.length === 0));
}

/** A rule before the reveal with no stakes condition (a band condition is refused on its own). */
function isCatchAll(when: Record<string, unknown>): boolean {
  const stakes = when['stakes'];
  return stakes === undefined || (Array.isArray(stakes) && stakes.length === 0);
}

/**
 * Every cell a `when` clause matches: stakes levels, or (stakes, band) pairs when `byBand`.
 * Unknown names match nothing.
 */
function matchedCells(when: Record<string, unknown>, byBand: boolean): string[] {
  const pick = <T extends string>(field: unknown, all: readonly T[]): readonly T[] => {
    if (field === undefined || (Array.isArray(field) && field.length === 0)) return all;
    if (!Array.isArray(field)) return [];
    return all.filter((value) => field.includes(value));
  };
  const cells: string[] = [];
  for (const stakes of pick(when['stakes'], STAKES)) {
    if (!byBand) cells.push(stakes);
    else for (const band of pick(when['band'], CONFIDENCE_BANDS)) cells.push(`${stakes}/${band}`);
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
 * otherwise widen a rule), rules that can never fire, a missing catch-all last rule (a rule
 * with no conditions), so that `resolvePolicy` always finds a rule — and a rule in `rules` that
 * reads the AI's confidence band: it would choose a setting before the reveal from the AI's
 * output, so the screen itself would tell the person what the AI thinks. Band conditions belong
 * in `afterReveal`, whose rules may only raise the justification (`none` is refused there).
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
 * fires (an omitted or empty field matches everything). Two draws, each from
 * `deterministicDraw(seed, key)` with independent keys, then decide whether the decision is in
 * the no-AI control arm (`arm:<decisionId>` below `noAiRate`) and whether it is an audit sample
 * (`audit:<decisionId>` below `auditRate`); the same seed and decision id always give the same
 * draws, so a reload cannot re-roll them. An audit sample merges `policy.audit` over the rule's
 * settings (checklists concatenated, no duplicate ids). In the no-AI arm the rest of the plan
 * still applies, so that the arms differ only in the AI.
 *
 * The plan never depends on the AI's output, so nothing the person meets before the reveal can
 * say what the AI thinks (docs/architecture.md §1). It carries the policy's band thresholds and
 * the after-reveal rules for its stakes; the protocol applies them when the AI is revealed
 * (`adaptPlanAfterReveal`). `confidence` and `calibrated` in the input are ignored.
 *
 * Pure and deterministic. Throws a `PolicyError` for unknown stakes, an empty decision id, or a
 * policy that `definePolicy` would reject (policies not made by `definePolicy` are validated
 * here on every call).
 * @param input.policy @default defaultPolicy
 * @param input.seed @default `${policy.id}@${policy.version}` — so a new policy version draws
 *   anew; pass a deployment-wide seed to keep assignments stable across versions.
 * @example
 * const plan = resolvePolicy({ stakes: 'high', decisionId: 'd-1' });
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
  const rule = policy.rules.find((candidate) => matchesStakes(candidate.when.stakes, stakes));
  if (rule === undefined) {
    // Unreachable for validated policies, which end with a catch-all.
    throw new PolicyError([`no rule matches stakes "${stakes}"`], 'Cannot resolve friction policy');
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
    arm,
    audit,
    bands: { high: policy.bands.high, medium: policy.bands.medium },
    afterReveal: plannedAfterReveal(policy.afterReveal ?? [], stakes),
  };
}

function matchesStakes(stakesIn: readonly Stakes[] | undefined, stakes: Stakes): boolean {
  return stakesIn === undefined || stakesIn.length === 0 || stakesIn.includes(stakes);
}

/** The after-reveal rules that can apply at these stakes, reduced to what the reveal reads. */
function plannedAfterReveal(rules: readonly AfterRevealRule[], stakes: Stakes): PlannedAfterRevealRule[] {
  return rules
    .filter((rule) => matchesStakes(rule.when.stakes, stakes))
    .map((rule) => ({ id: rule.id, band: [...(rule.when.band ?? [])], justification: rule.justification }));
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
 * Before the reveal it names no band, because the plan has none; after it, it says what the
 * after-reveal rules did.
 * @example
 * describePlan(plan)
 * // 'deliberate.default@2.0.0 rule "high-stakes" (stakes high): reveal after-judgement,
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
  const afterReveal = (plan.afterReveal ?? []).map((rule) => {
    const bands = rule.band.length === 0 ? 'any band' : `band ${rule.band.join(' or ')}`;
    return `; after the reveal, ${bands}: justification ${rule.justification} (rule "${rule.id}")`;
  });
  const revealed =
    plan.revealed === undefined
      ? ''
      : `; revealed with band ${plan.revealed.band}: ` +
        `${plan.revealed.rule === undefined ? 'no after-reveal rule' : `rule "${plan.revealed.rule}"`}, ` +
        `justification ${plan.revealed.justification}`;
  return (
    `${plan.policyId}@${plan.policyVersion} rule "${plan.rule}" (stakes ${plan.stakes}): ` +
    `reveal ${plan.reveal}, justification ${plan.justification}, ${ownTime}, ${checklist}, ` +
    `arm ${plan.arm}, audit ${plan.audit ? 'yes' : 'no'}${afterReveal.join('')}${revealed}`
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
 * The default friction policy, `deliberate.default@2.0.0`, grounded in docs/research.md §2 and §4.
 * Before the reveal, friction rises with what is at stake for the affected person and with
 * nothing else: the plan must not depend on the AI's output, or the friction itself would tell the
 * person what the AI thinks before they judge (docs/architecture.md §1). After the reveal, when
 * the confidence is on the screen anyway, weak, uncalibrated or missing confidence asks for a
 * reason for every decision. Friction is kept low where little is at stake, because the designs
 * that reduce over-reliance most are also the least liked (Buçinca et al. 2021) and friction that
 * feels pointless is clicked through.
 *
 * Before the reveal (by stakes only):
 *
 * | rule | stakes | reveal | justification | own time | checklist |
 * |---|---|---|---|---|---|
 * | `high-stakes` | high | after-judgement | always | 20 s | 2 items |
 * | `medium-stakes` | medium | after-judgement | override | 10 s | – |
 * | `low-stakes` (catch-all) | low | on-request | override | 0 | – |
 *
 * After the reveal (`afterReveal`, may only raise the justification):
 *
 * | rule | stakes | band | justification |
 * |---|---|---|---|
 * | `weak-confidence` | medium, low | low, uncalibrated, unknown | always |
 *
 * Version 1.0.0 chose the reveal mode by band at medium and low stakes (judge first or on
 * request when the AI was unsure, on request or at once when it was confident); each stakes
 * level now gets the setting its unsure case had, for every case.
 *
 * Bands: `high` ≥ 0.9 and `medium` ≥ 0.66 match the verbal labels "very likely (≥ 90 %)" and
 * "likely (66–90 %)" (Wintle et al. 2019). Uncalibrated or missing confidence is never high.
 *
 * Own-assessment time: the minimum is a floor against clicking through, not a pacing device.
 * 20 s at high stakes is far below the time a real review of a case file takes, so it only
 * binds for someone who did not look; 10 s at medium stakes is enough to read the case summary.
 * Low stakes get none, because a wait on routine cases is felt as the system being slow
 * (Efendić et al. 2020). The UI must present the wait as the person's own assessment time,
 * never as "the system is thinking".
 *
 * Draws: 5 % of decisions are audit samples (reveal after-judgement, justification always), so
 * that even low-stakes flows yield the independent judgements RAIR/RSR need (docs/research.md §3) and
 * a record of substantive review (GDPR Art. 22). The no-AI control arm is off (`noAiRate: 0`):
 * withholding the AI is an evaluation design decision a deployment must opt into.
 * @example
 * resolvePolicy({ policy: defaultPolicy, stakes: 'low', decisionId: 'd-7' }).reveal
 * // 'on-request' (or 'after-judgement' with the audit settings, for about 1 in 20 decision ids)
 */
export const defaultPolicy: FrictionPolicy = definePolicy({
  id: 'deliberate.default',
  version: '2.0.0',
  description:
    "Friction by stakes before the reveal, never by the AI's output: judge first at high and medium stakes, the AI on request at low stakes. Once the AI is shown, weak, uncalibrated or missing confidence asks for a reason for every decision at medium and low stakes.",
  bands: { ...DEFAULT_BANDS },
  rules: [
    /**
     * High stakes: judge first, always justify, a short checklist. Even well-calibrated,
     * confident models are wrong in some cases, and high stakes are where those cases hurt.
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
    /** Medium stakes: judge first, whatever the AI says. */
    {
      id: 'medium-stakes',
      description:
        "Medium stakes: the person records their own judgement before the AI is revealed, whatever the AI's output. Deciding first reduces over-reliance (Buçinca et al. 2021), and experts who first wrote down an answer agreed less with the AI, right or wrong, without taking longer (Fogliato et al. 2022) — so under-reliance is measured as well (docs/research.md §3). Version 1.0.0 judged first here only when the confidence was weak, which told the person that the AI was unsure before they judged. A reason for every deviation; a 10 s own-assessment floor against clicking through.",
      when: { stakes: ['medium'] },
      plan: { reveal: 'after-judgement', justification: 'override', minOwnTimeMs: 10_000, checklist: [] },
    },
    /**
     * Catch-all: low stakes. The AI on request, one click away: the lightest forcing design, and
     * the setting an unsure AI needs, applied whatever the AI says.
     */
    {
      id: 'low-stakes',
      description:
        'Low stakes (catch-all): the AI is shown only on request, whatever its output. Asking for the AI is one of the cognitive-forcing designs that reduced over-reliance (Buçinca et al. 2021) — at one click, the lightest of them — and leaves the person in control of when to consult it (HAX G7). Version 1.0.0 showed a confident AI at once and an unsure one only on request (PAIR: consider showing nothing when confidence is low); since the plan may not depend on the confidence, every case gets the setting the unsure case needs, at the cost of one click. A reason for every deviation, so overrides stay explainable (HAX G9, G15); no minimum time, because a wait on routine cases is felt as a slow system (Efendić et al. 2020).',
      when: {},
      plan: { reveal: 'on-request', justification: 'override', minOwnTimeMs: 0, checklist: [] },
    },
  ],
  afterReveal: [
    /** After the reveal: following weak advice needs a reason too. */
    {
      id: 'weak-confidence',
      description:
        'After the reveal, at medium and low stakes, when the AI is unsure (band low), its confidence is not calibrated, or it gives none: a reason is required for every decision, following the AI included, so that following weak advice is not the path without a reason. Accountability lowered automation bias (Skitka, Mosier & Burdick 2000), and confidence that cannot be trusted invites misuse (Zhang, Liao & Bellamy 2020); PAIR asks to help people know when to rely on their own judgement. The evidence is indirect: we know of no study that tested asking for a reason when following weak advice, so this rule is an inference from those findings and should be evaluated (over-reliance and override by confidence, docs/research.md §3). It applies only once the AI and its confidence are shown, so it tells the person nothing they cannot see.',
      when: { stakes: ['medium', 'low'], band: ['low', 'uncalibrated', 'unknown'] },
      justification: 'always',
    },
  ],
  auditRate: 0.05,
  noAiRate: 0,
  audit: { reveal: 'after-judgement', justification: 'always' },
});
