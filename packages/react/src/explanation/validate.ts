import {
  CounterfactualSchema,
  EvidenceSchema,
  FactorSchema,
  FactorsSchema,
  ModelFactsSchema,
  ModelIdentitySchema,
  ReliabilityBinSchema,
  SimilarCaseSchema,
  SubgroupPerformanceSchema,
  type Counterfactual,
  type Evidence,
  type Factor,
  type Factors,
  type ModelFacts,
  type ModelIdentity,
  type ReliabilityBin,
  type SimilarCase,
} from '@deliberate/core';

/*
 * Reading an explanation payload panel by panel. The recommendation itself is validated by the
 * DecisionProvider, but an explanation may also come from elsewhere (a separate XAI service, a
 * host that fetches it lazily) or be partial. Each panel's slice is checked with the core's zod
 * schemas on its own, and within a slice each entry on its own: a broken quotation costs that
 * quotation, not the evidence panel, and a broken evidence panel never costs the factors panel.
 * What could not be read is reported as `PanelIssue`s, which the panel names in plain words.
 *
 * Nothing here throws: payloads come from other systems (getters that throw, revoked proxies).
 */

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/**
 * The panels Deliberate ships, in the order they are shown: evidence first, because checking a
 * recommendation against sources lowers over-reliance, while "why the model thinks so" can raise
 * it (docs/research.md §2). `detail` is the AI system's own text (e.g. a CDS Hooks card's `detail`).
 * These are also the `panel` names of the `explanation.viewed` events.
 */
export type ExplanationPanelName =
  'evidence' | 'counterfactuals' | 'similar-cases' | 'factors' | 'detail' | 'model';

/** Every panel, evidence first. @example EXPLANATION_PANELS[0]; // 'evidence' */
export const EXPLANATION_PANELS: readonly ExplanationPanelName[] = [
  'evidence',
  'counterfactuals',
  'similar-cases',
  'factors',
  'detail',
  'model',
];

/** What is wrong at one place of the payload. `path` is relative to the explanation (or the recommendation for `calibration`, `model`, `detail`). */
export interface PanelIssue {
  path: (string | number)[];
  /** `missing`: required and absent; `type`: wrong kind of value; `range`: a number out of range; `invalid`: anything else; `unreadable`: reading it threw. */
  kind: 'missing' | 'type' | 'range' | 'invalid' | 'unreadable';
}

/**
 * One panel's data after validation:
 * - `absent`: the AI system sent nothing for it (the panel is not listed);
 * - `valid`: everything could be read;
 * - `partial`: some entries or fields could not be read and are left out; the rest is shown;
 * - `invalid`: nothing usable; the panel says what is missing.
 */
export type PanelSlice<T> =
  | { status: 'absent' }
  | { status: 'valid'; data: T; issues: [] }
  | { status: 'partial'; data: T; issues: PanelIssue[] }
  | { status: 'invalid'; issues: PanelIssue[] };

/** What the model panel shows: the model's facts sheet, its identity and its calibration. */
export interface ModelPanelData {
  facts?: ModelFacts;
  identity?: ModelIdentity;
  bins?: ReliabilityBin[];
  calibrated?: boolean;
  calibrationDataset?: string;
  calibrationDate?: string;
}

/** Every panel's slice, plus a problem with the explanation as a whole (not an object). */
export interface ExplanationData {
  evidence: PanelSlice<Evidence[]>;
  counterfactuals: PanelSlice<Counterfactual[]>;
  'similar-cases': PanelSlice<SimilarCase[]>;
  factors: PanelSlice<Factors>;
  detail: PanelSlice<string>;
  model: PanelSlice<ModelPanelData>;
  /** Set when `explanation` was given but is not an object at all. */
  rootIssue?: PanelIssue;
}

/** What `readExplanation` reads; each field is untrusted. */
export interface ExplanationInput {
  /** `recommendation.explanation`. */
  explanation: unknown;
  /** `recommendation.calibration` (its `bins` feed the reliability diagram). */
  calibration?: unknown;
  /** `recommendation.model`. */
  model?: unknown;
  /** `recommendation.detail` (markdown). */
  detail?: unknown;
}

/* -------------------------------------------------------------------------------------------------
 * Safe reading
 * -----------------------------------------------------------------------------------------------*/

type Path = PanelIssue['path'];

interface SafeParser<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ZodLikeIssue[] } };
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
}

class Reader {
  readonly issues: PanelIssue[] = [];

  add(path: Path, kind: PanelIssue['kind']): void {
    this.issues.push({ path: [...path], kind });
  }

  /** `owner[key]`, or `undefined` with an `unreadable` issue when reading throws. */
  read(owner: unknown, key: string | number, path: Path): unknown {
    try {
      if (owner === null || typeof owner !== 'object') return undefined;
      return (owner as Record<string | number, unknown>)[key];
    } catch {
      this.add(path, 'unreadable');
      return undefined;
    }
  }

  /** The elements of an array (each read safely), or `null` for anything else. */
  elements(value: unknown, path: Path): unknown[] | null {
    if (!isArray(value)) return null;
    const length = this.read(value, 'length', path);
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return null;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(this.read(value, i, [...path, i]));
    return out;
  }

  /** Parses with a core schema; on failure records every issue (under `path`) and returns `undefined`. */
  parse<T>(schema: SafeParser<T>, value: unknown, path: Path): T | undefined {
    try {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        const at = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
        this.add([...path, ...at], issueKind(issue, valueAt(value, at)));
      }
      return undefined;
    } catch {
      this.add(path, 'unreadable');
      return undefined;
    }
  }
}

function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function valueAt(root: unknown, path: Path): unknown {
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

function issueKind(issue: ZodLikeIssue, value: unknown): PanelIssue['kind'] {
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union'))
    return 'missing';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'range';
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      return 'type';
    case 'too_small':
    case 'too_big':
      return typeof value === 'number' ? 'range' : 'invalid';
    default:
      return 'invalid';
  }
}

function slice<T>(data: T | undefined, issues: PanelIssue[]): PanelSlice<T> {
  if (data === undefined) return { status: 'invalid', issues };
  return issues.length === 0 ? { status: 'valid', data, issues: [] } : { status: 'partial', data, issues };
}

/* -------------------------------------------------------------------------------------------------
 * Panels
 * -----------------------------------------------------------------------------------------------*/

/**
 * An array slice: every entry checked with `schema`; entries that fail are left out and reported.
 * An empty array counts as absent (nothing to show); an array whose every entry fails is invalid.
 */
function readList<T>(raw: unknown, schema: SafeParser<T>, path: Path): PanelSlice<T[]> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  const r = new Reader();
  const items = r.elements(raw, path);
  if (items === null) {
    r.add(path, 'type');
    return { status: 'invalid', issues: r.issues };
  }
  if (items.length === 0 && r.issues.length === 0) return { status: 'absent' };
  const valid: T[] = [];
  items.forEach((item, index) => {
    const parsed = r.parse(schema, item, [...path, index]);
    if (parsed !== undefined) valid.push(parsed);
  });
  return slice(valid.length > 0 ? valid : undefined, r.issues);
}

function readFactors(raw: unknown): PanelSlice<Factors> {
  const path: Path = ['factors'];
  if (raw === undefined || raw === null) return { status: 'absent' };
  const r = new Reader();
  // The whole slice first: when it is fine, that is the answer.
  const whole = r.parse(FactorsSchema, raw, path);
  if (whole !== undefined) return slice(whole, r.issues);
  // Otherwise salvage: baseValue is required to draw anything; broken factors are left out.
  const salvage = new Reader();
  if (!isRecord(raw)) {
    salvage.add(path, 'type');
    return { status: 'invalid', issues: salvage.issues };
  }
  const base = salvage.read(raw, 'baseValue', [...path, 'baseValue']);
  const prediction = salvage.read(raw, 'prediction', [...path, 'prediction']);
  const scale = salvage.read(raw, 'scale', [...path, 'scale']);
  const rawItems = salvage.read(raw, 'items', [...path, 'items']);
  const items: Factor[] = [];
  const elements = salvage.elements(rawItems, [...path, 'items']);
  if (elements === null) salvage.add([...path, 'items'], rawItems === undefined ? 'missing' : 'type');
  else
    elements.forEach((item, index) => {
      const parsed = salvage.parse(FactorSchema, item, [...path, 'items', index]);
      if (parsed !== undefined) items.push(parsed);
    });
  if (typeof base !== 'number' || !Number.isFinite(base)) {
    salvage.add(
      [...path, 'baseValue'],
      base === undefined ? 'missing' : typeof base === 'number' ? 'range' : 'type',
    );
    return { status: 'invalid', issues: salvage.issues };
  }
  const data: Factors = { baseValue: base, items };
  if (typeof prediction === 'number' && Number.isFinite(prediction)) data.prediction = prediction;
  else if (prediction !== undefined) salvage.add([...path, 'prediction'], 'type');
  if (typeof scale === 'string') data.scale = scale;
  else if (scale !== undefined) salvage.add([...path, 'scale'], 'type');
  return slice(items.length > 0 || salvage.issues.length === 0 ? data : undefined, salvage.issues);
}

const MODEL_FACT_KEYS = [
  'intendedUse',
  'limitations',
  'failureModes',
  'subgroups',
  'trainingDataDate',
  'overallAccuracy',
] as const;

function readModelFacts(raw: unknown, r: Reader): ModelFacts | undefined {
  const path: Path = ['modelFacts'];
  if (raw === undefined || raw === null) return undefined;
  const probe = new Reader();
  const whole = probe.parse(ModelFactsSchema, raw, path);
  if (whole !== undefined) return whole;
  if (!isRecord(raw)) {
    r.add(path, 'type');
    return undefined;
  }
  // Field by field: a broken subgroup row costs that row, a broken date costs the date.
  const facts: ModelFacts = {};
  for (const key of MODEL_FACT_KEYS) {
    const value = r.read(raw, key, [...path, key]);
    if (value === undefined) continue;
    const at: Path = [...path, key];
    switch (key) {
      case 'intendedUse':
      case 'trainingDataDate':
        if (typeof value === 'string') facts[key] = value;
        else r.add(at, 'type');
        break;
      case 'overallAccuracy':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1)
          facts.overallAccuracy = value;
        else r.add(at, typeof value === 'number' ? 'range' : 'type');
        break;
      case 'limitations':
      case 'failureModes': {
        const list = r.elements(value, at);
        if (list === null) r.add(at, 'type');
        else {
          const strings: string[] = [];
          list.forEach((item, index) => {
            if (typeof item === 'string') strings.push(item);
            else r.add([...at, index], item === undefined ? 'missing' : 'type');
          });
          facts[key] = strings;
        }
        break;
      }
      case 'subgroups': {
        const list = r.elements(value, at);
        if (list === null) r.add(at, 'type');
        else {
          const rows: NonNullable<ModelFacts['subgroups']> = [];
          list.forEach((item, index) => {
            const parsed = r.parse(SubgroupPerformanceSchema, item, [...at, index]);
            if (parsed !== undefined) rows.push(parsed);
          });
          facts.subgroups = rows;
        }
        break;
      }
    }
  }
  return facts;
}

function readModel(explanation: unknown, input: ExplanationInput): PanelSlice<ModelPanelData> {
  const r = new Reader();
  const data: ModelPanelData = {};
  const rawFacts = isRecord(explanation) ? r.read(explanation, 'modelFacts', ['modelFacts']) : undefined;
  const facts = readModelFacts(rawFacts, r);
  if (facts !== undefined) data.facts = facts;

  if (input.model !== undefined && input.model !== null) {
    const identity = r.parse(ModelIdentitySchema, input.model, ['model']);
    if (identity !== undefined) data.identity = identity;
  }

  const calibration = input.calibration;
  if (calibration !== undefined && calibration !== null) {
    if (!isRecord(calibration)) r.add(['calibration'], 'type');
    else {
      const calibrated = r.read(calibration, 'calibrated', ['calibration', 'calibrated']);
      if (typeof calibrated === 'boolean') data.calibrated = calibrated;
      const dataset = r.read(calibration, 'dataset', ['calibration', 'dataset']);
      if (typeof dataset === 'string' && dataset !== '') data.calibrationDataset = dataset;
      const date = r.read(calibration, 'evaluatedAt', ['calibration', 'evaluatedAt']);
      if (typeof date === 'string' && date !== '') data.calibrationDate = date;
      const rawBins = r.read(calibration, 'bins', ['calibration', 'bins']);
      if (rawBins !== undefined) {
        const bins = readList(rawBins, ReliabilityBinSchema, ['calibration', 'bins']);
        if (bins.status === 'valid' || bins.status === 'partial') data.bins = bins.data;
        if (bins.status !== 'absent' && bins.status !== 'valid') r.issues.push(...bins.issues);
      }
    }
  }

  const hasFacts =
    data.facts !== undefined &&
    Object.values(data.facts).some((v) => (Array.isArray(v) ? v.length > 0 : true));
  const hasAnything = hasFacts || data.identity !== undefined || (data.bins?.length ?? 0) > 0;
  if (!hasAnything && r.issues.length === 0) return { status: 'absent' };
  return slice(hasAnything ? data : undefined, r.issues);
}

function readDetail(raw: unknown): PanelSlice<string> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  if (typeof raw !== 'string') return { status: 'invalid', issues: [{ path: ['detail'], kind: 'type' }] };
  if (raw.trim() === '') return { status: 'absent' };
  return { status: 'valid', data: raw, issues: [] };
}

/* -------------------------------------------------------------------------------------------------
 * Public API
 * -----------------------------------------------------------------------------------------------*/

/**
 * Validates an explanation payload panel by panel with the core schemas (`EvidenceSchema`,
 * `CounterfactualSchema`, `SimilarCaseSchema`, `FactorsSchema`, `ModelFactsSchema`,
 * `ReliabilityBinSchema`). Never throws; entries that fail are left out and reported.
 *
 * @example
 * const data = readExplanation({ explanation: rec.explanation, calibration: rec.calibration, model: rec.model, detail: rec.detail });
 * data.evidence.status; // 'valid' | 'partial' | 'invalid' | 'absent'
 */
export function readExplanation(input: ExplanationInput): ExplanationData {
  try {
    const r = new Reader();
    const explanation = input.explanation;
    const given = explanation !== undefined && explanation !== null;
    const usable = isRecord(explanation);
    const get = (key: string): unknown => (usable ? r.read(explanation, key, [key]) : undefined);
    const unreadable = (key: string): PanelSlice<never> | undefined =>
      r.issues.some((issue) => issue.path[0] === key)
        ? { status: 'invalid', issues: r.issues.filter((i) => i.path[0] === key) }
        : undefined;

    const evidenceRaw = get('evidence');
    const counterfactualsRaw = get('counterfactuals');
    const similarRaw = get('similarCases');
    const factorsRaw = get('factors');

    const data: ExplanationData = {
      evidence: unreadable('evidence') ?? readList(evidenceRaw, EvidenceSchema, ['evidence']),
      counterfactuals:
        unreadable('counterfactuals') ??
        readList(counterfactualsRaw, CounterfactualSchema, ['counterfactuals']),
      'similar-cases':
        unreadable('similarCases') ?? readList(similarRaw, SimilarCaseSchema, ['similarCases']),
      factors: unreadable('factors') ?? readFactors(factorsRaw),
      detail: readDetail(input.detail),
      model: readModel(explanation, input),
    };
    if (given && !usable) data.rootIssue = { path: [], kind: 'type' };
    return data;
  } catch {
    // Defence in depth: every read above is guarded, but a payload must never break the screen.
    const invalid = (): { status: 'invalid'; issues: PanelIssue[] } => ({
      status: 'invalid',
      issues: [{ path: [], kind: 'unreadable' }],
    });
    return {
      evidence: invalid(),
      counterfactuals: invalid(),
      'similar-cases': invalid(),
      factors: invalid(),
      detail: { status: 'absent' },
      model: { status: 'absent' },
      rootIssue: { path: [], kind: 'unreadable' },
    };
  }
}

/** Whether a panel has something to show (valid or partial data). @example hasData(data.evidence); */
export function hasData<T>(slice: PanelSlice<T>): slice is Extract<PanelSlice<T>, { data: T }> {
  return slice.status === 'valid' || slice.status === 'partial';
}
