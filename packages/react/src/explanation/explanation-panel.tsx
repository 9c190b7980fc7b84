import { forwardRef } from 'react';
import {
  ExplanationPanelContent,
  ExplanationPanelItem,
  ExplanationPanelList,
  ExplanationPanelNotProvided,
  ExplanationPanelRoot,
  ExplanationPanelTrigger,
  type ExplanationPanelRootProps,
} from './explanation-panel-parts.tsx';

/*
 * ExplanationPanel: the evidence, counterfactuals, similar cases, factors, the AI's own text and
 * the model's facts, each in a panel that stays closed until the person opens it.
 *
 * Why an accordion (Radix Accordion, `type="multiple"`) and not tabs: tabs always show one panel,
 * so the first would count as "viewed" without anyone asking for it, and arrowing through tabs
 * (which activates them) would log views nobody intended. An accordion is closed until the
 * person opens a panel, every opening is a deliberate act that can be measured, and several
 * panels can be open at once to compare evidence with counterfactuals. Keyboard: Tab reaches the
 * triggers, Enter or Space opens and closes, Arrow Up/Down move between triggers, Home/End jump.
 *
 * Parts: `Root` (availability, validation, timing; a `section` named by its heading), `List`
 * (the accordion), `Item`, `Trigger` (a heading with the button), `Content` (the panel), and
 * `NotProvided` (one sentence naming the panels the AI system sent nothing for). Without
 * children each part renders its default; `<ExplanationPanel />` composes them all.
 *
 * Data attributes:
 * - Root `data-state`: `unavailable` (before the reveal, without the AI, or no explanation at
 *   all; `data-reason` says which), `available`, or `invalid` (some part of the payload could not
 *   be read; the rest is shown, and the panel concerned says what is missing).
 * - List `data-state`: `open` when any panel is open, else `closed`.
 * - Item, Trigger, Content `data-state`: `open` | `closed` (Radix); Item `data-panel` (its name)
 *   and `data-validity` (`valid` | `partial` | `invalid`).
 */

/*
 * Where things live: the pure model in `explanation-model.ts` (availability, listed panels) and
 * `validate.ts` (reading the payload); the hooks in `use-explanation-panel.ts`
 * (`useExplanationPanelState`, `useExplanationPanel`) and `use-view-timing.ts`; the parts in
 * `explanation-panel-parts.tsx`; each panel's default view in `panels/`. This module composes
 * them and keeps the family's public names in one place.
 */

export {
  ExplanationPanelContent,
  ExplanationPanelItem,
  ExplanationPanelList,
  ExplanationPanelNotProvided,
  ExplanationPanelRoot,
  ExplanationPanelTrigger,
  type ExplanationPanelContentProps,
  type ExplanationPanelItemProps,
  type ExplanationPanelListProps,
  type ExplanationPanelNotProvidedProps,
  type ExplanationPanelRootProps,
  type ExplanationPanelTriggerProps,
} from './explanation-panel-parts.tsx';
export type { ExplanationAvailability, ExplanationUnavailableReason } from './explanation-model.ts';
export {
  useExplanationPanel,
  useExplanationPanelState,
  type ExplanationPanelState,
  type UseExplanationPanelProps,
  type UseExplanationPanelResult,
} from './use-explanation-panel.ts';

/* -------------------------------------------------------------------------------------------------
 * Composed
 * -----------------------------------------------------------------------------------------------*/

export type ExplanationPanelProps = ExplanationPanelRootProps;

/**
 * The explanation of the revealed AI recommendation, for checking it: evidence (quotations that
 * speak for and against it, with sources and links), counterfactuals (what would change it, and
 * who could change that), similar cases (including those decided the other way), factors (in
 * plain words, with a chart and its table), the AI system's own text, and the model's facts
 * (intended use, limits, accuracy per group, reliability diagram). Every panel is closed until
 * opened; each opening is logged as `explanation.viewed` with its duration. Nothing is shown
 * before the reveal. Untrusted text is rendered safely; a malformed payload says what is missing.
 *
 * `DecisionScreen` shows one by default once the AI is revealed; use it directly in your own
 * layout.
 *
 * @example
 * <DecisionProvider recommendation={rec} …>
 *   <Recommendation />
 *   <ExplanationPanel headingLevel={3} />
 * </DecisionProvider>
 */
const ExplanationPanelComposed = forwardRef<HTMLElement, ExplanationPanelProps>(
  function ExplanationPanelComposed({ children, ...props }, ref) {
    return (
      <ExplanationPanelRoot {...props} ref={ref}>
        {children ?? (
          <>
            <ExplanationPanelList />
            <ExplanationPanelNotProvided />
          </>
        )}
      </ExplanationPanelRoot>
    );
  },
);
ExplanationPanelComposed.displayName = 'ExplanationPanel';

// Spelled out so the declaration file can name every part.
export const ExplanationPanel: typeof ExplanationPanelComposed & {
  Root: typeof ExplanationPanelRoot;
  List: typeof ExplanationPanelList;
  Item: typeof ExplanationPanelItem;
  Trigger: typeof ExplanationPanelTrigger;
  Content: typeof ExplanationPanelContent;
  NotProvided: typeof ExplanationPanelNotProvided;
} = Object.assign(ExplanationPanelComposed, {
  Root: ExplanationPanelRoot,
  List: ExplanationPanelList,
  Item: ExplanationPanelItem,
  Trigger: ExplanationPanelTrigger,
  Content: ExplanationPanelContent,
  NotProvided: ExplanationPanelNotProvided,
});
