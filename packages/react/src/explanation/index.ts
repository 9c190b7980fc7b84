export {
  ExplanationPanel,
  ExplanationPanelContent,
  ExplanationPanelItem,
  ExplanationPanelList,
  ExplanationPanelNotProvided,
  ExplanationPanelRoot,
  ExplanationPanelTrigger,
  useExplanationPanel,
  useExplanationPanelState,
  type ExplanationAvailability,
  type ExplanationPanelContentProps,
  type ExplanationPanelItemProps,
  type ExplanationPanelListProps,
  type ExplanationPanelNotProvidedProps,
  type ExplanationPanelProps,
  type ExplanationPanelRootProps,
  type ExplanationPanelState,
  type ExplanationPanelTriggerProps,
  type ExplanationUnavailableReason,
  type UseExplanationPanelProps,
  type UseExplanationPanelResult,
} from './explanation-panel.tsx';
export { SafeMarkdown, safeHref, type SafeMarkdownProps } from './safe-markdown.tsx';
export {
  flushExplanationViews,
  useExplanationViewTiming,
  useFlushExplanationViews,
} from './use-view-timing.ts';
export {
  EXPLANATION_PANELS,
  readExplanation,
  type ExplanationData,
  type ExplanationInput,
  type ExplanationPanelName,
  type ModelPanelData,
  type PanelIssue,
  type PanelSlice,
} from './validate.ts';
