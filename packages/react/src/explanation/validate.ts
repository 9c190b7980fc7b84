import { CounterfactualSchema, EvidenceSchema, SimilarCaseSchema } from '@deliberate/core/schemas';
import type { ExplanationData, ExplanationInput, PanelIssue, PanelSlice } from './explanation-data.ts';
import { readDetail, readFactors, readList, readModel } from './read-panels.ts';
import { isRecord, Reader } from './read-safely.ts';

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

export {
  EXPLANATION_PANELS,
  hasData,
  type ExplanationData,
  type ExplanationInput,
  type ExplanationPanelName,
  type ModelPanelData,
  type PanelIssue,
  type PanelSlice,
} from './explanation-data.ts';

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
