import type {
  Counterfactual,
  Evidence,
  Factors,
  ModelFacts,
  ModelIdentity,
  ReliabilityBin,
  SimilarCase,
} from '@deliberate/core';

/*
 * The explanation's data after validation, panel by panel (see `validate.ts`). No React.
 */

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

/** Whether a panel has something to show (valid or partial data). @example hasData(data.evidence); */
export function hasData<T>(slice: PanelSlice<T>): slice is Extract<PanelSlice<T>, { data: T }> {
  return slice.status === 'valid' || slice.status === 'partial';
}
