export {
  Justification,
  JustificationComment,
  JustificationReasons,
  JustificationRecorded,
  JustificationRoot,
  useJustification,
  type JustificationCommentProps,
  type JustificationProps,
  type JustificationReasonsProps,
  type JustificationRecordedProps,
  type JustificationRootProps,
  type JustificationState,
  type UseJustificationResult,
} from './justification.tsx';
export { reasonLabel } from '../actions/finalize-context.tsx';
