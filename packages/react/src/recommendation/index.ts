export {
  Recommendation,
  recommendationFraming,
  recommendationViewState,
  useRecommendation,
  type RecommendationFraming,
  type RecommendationProps,
  type RecommendationViewState,
  type UseRecommendationProps,
  type UseRecommendationResult,
} from './recommendation.tsx';
