import { CounterfactualsView } from './panels/counterfactuals.tsx';
import { DetailView } from './panels/detail.tsx';
import { EvidenceView } from './panels/evidence.tsx';
import { FactorsView } from './panels/factors.tsx';
import { ModelFactsView } from './panels/model-facts.tsx';
import { SimilarCasesView } from './panels/similar-cases.tsx';
import type { PanelViewProps } from './panel-frame.tsx';

/*
 * What each panel shows. Designed for checking, not persuading (docs/research.md §2, Vasconcelos et
 * al. 2023): sources with links before model internals; counter-evidence with the same weight as
 * evidence; the cases that went the other way; what could change the outcome and who could
 * change it; and, for the model's own numbers, what they do not say. Every string comes from
 * `messages/<locale>/explanation.ts`; every number goes through Intl. Text from the payload is rendered
 * as text (quotations, verbatim) or through `SafeMarkdown` (summaries, the model card), never
 * as HTML; it is capped for display (`MODEL_TEXT_CAPS`, with a "shortened" notice) and isolated:
 * in its own `<bdi>` or `dir="auto"` element, or, inside a string (a chart label, an option in a
 * sentence), with its bidi controls removed (`modelString`).
 */

export { IncompleteNotice, type PanelHeadingLevel, type PanelViewProps } from './panel-frame.tsx';
export { panelSummary } from './panel-text.ts';

/* -------------------------------------------------------------------------------------------------
 * Dispatch by panel
 * -----------------------------------------------------------------------------------------------*/

/** The default content of a panel. */
export function PanelView(props: PanelViewProps) {
  switch (props.panel) {
    case 'evidence':
      return <EvidenceView {...props} />;
    case 'counterfactuals':
      return <CounterfactualsView {...props} />;
    case 'similar-cases':
      return <SimilarCasesView {...props} />;
    case 'factors':
      return <FactorsView {...props} />;
    case 'detail':
      return <DetailView {...props} />;
    case 'model':
      return <ModelFactsView {...props} />;
  }
}
