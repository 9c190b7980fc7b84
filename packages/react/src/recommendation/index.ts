export {
  Recommendation,
  recommendationViewState,
  type RecommendationProps,
  type RecommendationViewState,
} from './recommendation.tsx';
