export {
  Justification,
  JustificationComment,
  JustificationReasons,
  JustificationRecorded,
  JustificationRoot,
  useJustification,
  type JustificationProps,
  type JustificationRootProps,
  type JustificationState,
  type UseJustificationResult,
} from './justification.tsx';
export { reasonLabel, reasonNeedsComment } from '../actions/finalize-context.tsx';
