export {
  AutomationBiasNotice,
  DEFAULT_NOTICE_STORAGE_KEY,
  OversightControls,
  useAutomationBiasNotice,
  type AutomationBiasNoticeProps,
  type OversightControlsProps,
  type StopAiDetails,
  type UseAutomationBiasNoticeProps,
  type UseAutomationBiasNoticeResult,
} from './oversight-controls.tsx';
