/** What can be wrong with a recommendation. Stable codes; messages are for developers. */
export type RecommendationIssueCode =
  | 'invalid_type'
  | 'missing'
  | 'not_finite'
  | 'out_of_range'
  | 'empty_options'
  | 'duplicate_id'
  | 'unknown_option'
  | 'probabilities_incomplete'
  | 'probabilities_sum'
  | 'confidence_mismatch'
  | 'binary_option_count'
  | 'interval_inverted'
  | 'interval_excludes_value'
  | 'factors_sum'
  | 'invalid_value'
  | 'unrecognized_key'
  | 'internal';

export interface RecommendationIssue {
  /** Where the problem is, e.g. `['options', 2, 'probability']`. Empty for the whole input. */
  path: (string | number)[];
  code: RecommendationIssueCode;
  /** An English sentence for developers and logs; UIs translate by `code`. */
  message: string;
}

export type ParseRecommendationResult<T> =
  { ok: true; value: T; issues: [] } | { ok: false; issues: RecommendationIssue[] };
