export {
  ConfidenceDisplay,
  useConfidenceDisplay,
  type ConfidenceDisplayProps,
  type UseConfidenceDisplayProps,
  type UseConfidenceDisplayResult,
} from './confidence-display.tsx';
export {
  VERBAL_BANDS,
  confidenceFrequency,
  describeConfidence,
  roundConfidencePercent,
  verbalBand,
  type ConfidenceDescription,
  type ConfidenceDisplayFormat,
  type ConfidenceMeterValue,
  type DescribeConfidenceInput,
  type RoundingRelation,
  type VerbalBand,
} from './describe-confidence.ts';
