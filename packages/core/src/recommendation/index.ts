export {
  PROBABILITY_TOLERANCE,
  formatIssuePath,
  formatRecommendationIssues,
  parseRecommendation,
  recommendationLabel,
  recommendationValue,
  recommendedOption,
} from './parse.ts';
