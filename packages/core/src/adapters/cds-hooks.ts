import type { ParseRecommendationResult, RecommendationIssue } from '../recommendation/issues.ts';
import {
  IssueCollector,
  describeValue,
  errorText,
  isArray,
  isRecord,
  mergeIssues,
  parseRecommendation,
} from '../recommendation/parse.ts';
import type { ModelIdentity, Recommendation } from '../recommendation/schema.ts';

/*
 * HL7 CDS Hooks 2.0 cards (https://cds-hooks.hl7.org/2.0/#card-attributes) → recommendations.
 *
 * A card's suggestions are the options a clinician chooses between; the one marked
 * `isRecommended` is the AI's recommendation. Cards carry no confidence, so none is invented:
 * it comes from the caller, from a documented extension, or stays absent (and the UI says the
 * AI reported none). Issues point into the card (`suggestions[1].uuid`), not into the
 * recommendation built from it, because the card is what the integrator can fix.
 */

/** The card `extension` key from which a confidence in [0, 1] is read when the caller passes none. */
export const CDS_HOOKS_CONFIDENCE_EXTENSION = 'deliberate.confidence';

/** CDS Hooks `Coding`. `display` is required for override reasons, optional for a topic. */
export interface CdsHooksCoding {
  system: string;
  code: string;
  display?: string;
}

/** The card's `source`: who stands behind the advice. */
export interface CdsHooksSource {
  label: string;
  /** Absolute URL to learn more about the organization or data set. */
  url?: string;
  /** Absolute URL of a 100×100 PNG icon. */
  icon?: string;
  topic?: CdsHooksCoding;
}

/** A FHIR change proposed by a suggestion. */
export interface CdsHooksAction {
  type: 'create' | 'update' | 'delete';
  description: string;
  /** The FHIR resource to create, or the whole updated resource. */
  resource?: Record<string, unknown>;
  /** A relative reference to the resource to delete. */
  resourceId?: string;
}

/** One choice on a card; it becomes one option of the recommendation. */
export interface CdsHooksSuggestion {
  label: string;
  /** Used as the option id (and for CDS Hooks feedback); `suggestion-<index>` when absent. */
  uuid?: string;
  /** The suggestion the service recommends. Exactly one must be marked when there are several. */
  isRecommended?: boolean;
  actions?: CdsHooksAction[];
}

/** A link to more information or a SMART app. Not carried into the recommendation. */
export interface CdsHooksLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
  appContext?: string;
}

/** A CDS Hooks 2.0 card, as returned in a CDS service response's `cards`. */
export interface CdsHooksCard {
  /** Becomes the recommendation's `id`; needed for CDS Hooks feedback. */
  uuid?: string;
  /** One sentence, under 140 characters. */
  summary: string;
  /** GitHub-flavoured markdown. */
  detail?: string;
  indicator: 'info' | 'warning' | 'critical';
  source: CdsHooksSource;
  suggestions?: CdsHooksSuggestion[];
  selectionBehavior?: 'at-most-one' | 'any';
  /** Become the recommendation's `reasonCodes`; each needs a `display`. */
  overrideReasons?: CdsHooksCoding[];
  links?: CdsHooksLink[];
  /** Pre-coordinated extensions; `deliberate.confidence` (a number in [0, 1]) is read. */
  extension?: Record<string, unknown>;
}

export interface FromCdsHooksCardOptions {
  /**
   * The AI's confidence in the recommended suggestion, in [0, 1], when the integrator knows it
   * from elsewhere. Takes precedence over the card's `extension["deliberate.confidence"]`.
   * @default undefined (no confidence: the UI says the AI reported none)
   */
  confidence?: number;
  /**
   * Whether that confidence is calibrated (a real probability).
   * @default false
   */
  calibrated?: boolean;
  /** The AI system behind the CDS service, logged with every event. */
  model?: ModelIdentity;
}

type ConfidenceSource = 'option' | 'extension' | undefined;

const INFO_CARD_MESSAGE =
  'The card has no suggestions: it is an information card, so there is nothing to decide between. ' +
  'Show it as information, or ask the CDS service for a card with suggestions.';

/** Recommendation path → card path, so that an issue points at what the integrator sent. */
function toCardPath(
  path: RecommendationIssue['path'],
  confidence: ConfidenceSource,
): RecommendationIssue['path'] {
  const [head, ...rest] = path;
  switch (head) {
    case 'options': {
      const [index, field, ...more] = rest;
      if (index === undefined) return ['suggestions'];
      if (field === undefined) return ['suggestions', index];
      return ['suggestions', index, field === 'id' ? 'uuid' : field, ...more];
    }
    case 'recommended':
      return ['suggestions'];
    case 'reasonCodes':
      return ['overrideReasons', ...rest];
    case 'id':
      return ['uuid', ...rest];
    case 'confidence':
      return confidence === 'extension' ? ['extension', CDS_HOOKS_CONFIDENCE_EXTENSION] : path;
    default:
      return path;
  }
}

function toCardIssue(issue: RecommendationIssue, confidence: ConfidenceSource): RecommendationIssue {
  const path = toCardPath(issue.path, confidence);
  const from = issue.path[issue.path.length - 1];
  const to = path[path.length - 1];
  // Messages start with the field's name; keep them in the card's vocabulary too.
  const message =
    typeof from === 'string' && typeof to === 'string' && from !== to && issue.message.startsWith(`${from} `)
      ? `${to}${issue.message.slice(from.length)}`
      : issue.message;
  return { ...issue, path, message };
}

function convert(card: unknown, options: FromCdsHooksCardOptions): ParseRecommendationResult<Recommendation> {
  const c = new IssueCollector();
  if (!isRecord(card)) {
    c.add([], 'invalid_type', `A CDS Hooks card must be an object, got ${describeValue(card)}.`);
    return { ok: false, issues: c.issues };
  }

  const candidate: Record<string, unknown> = { kind: 'categorical' };

  /* Suggestions → options, isRecommended → recommended */
  const rawSuggestions = c.read(card, 'suggestions', ['suggestions']);
  if (rawSuggestions !== undefined && !isArray(rawSuggestions)) {
    c.add(
      ['suggestions'],
      'invalid_type',
      `suggestions must be an array, got ${describeValue(rawSuggestions)}.`,
    );
  }
  const suggestions = c.elements(rawSuggestions, ['suggestions']);
  if (isArray(rawSuggestions) || rawSuggestions === undefined) {
    if (suggestions.length === 0) c.add(['suggestions'], 'empty_options', INFO_CARD_MESSAGE);
  }

  const marked: number[] = [];
  const firstWithUuid = new Map<string, number>();
  candidate['options'] = suggestions.map((suggestion, i) => {
    // Anything that is not an object goes through as is, so that the schema names its type.
    if (!isRecord(suggestion)) return suggestion;
    const uuid = c.read(suggestion, 'uuid', ['suggestions', i, 'uuid']);
    if (typeof uuid === 'string') {
      const first = firstWithUuid.get(uuid);
      if (first === undefined) firstWithUuid.set(uuid, i);
      else {
        c.add(
          ['suggestions', i, 'uuid'],
          'duplicate_id',
          `Suggestion uuid ${JSON.stringify(uuid)} is used twice (first at suggestions[${first}]).`,
        );
      }
    }
    const label = c.read(suggestion, 'label', ['suggestions', i, 'label']);
    const isRecommended = c.read(suggestion, 'isRecommended', ['suggestions', i, 'isRecommended']);
    if (isRecommended === true) marked.push(i);
    else if (isRecommended !== undefined && isRecommended !== false) {
      c.add(
        ['suggestions', i, 'isRecommended'],
        'invalid_type',
        `isRecommended must be a boolean, got ${describeValue(isRecommended)}.`,
      );
    }
    return { id: uuid === undefined ? `suggestion-${i}` : uuid, label };
  });

  let recommendedIndex: number | undefined;
  if (marked.length === 1) recommendedIndex = marked[0];
  else if (marked.length === 0 && suggestions.length === 1) recommendedIndex = 0;
  else if (marked.length === 0 && suggestions.length > 1) {
    c.add(
      ['suggestions'],
      'missing',
      `None of the ${suggestions.length} suggestions is marked isRecommended: true, so the card does not say which one the AI recommends; mark exactly one.`,
    );
  } else if (marked.length > 1) {
    c.add(
      ['suggestions'],
      'invalid_value',
      `${marked.length} suggestions are marked isRecommended: true (${marked.map((i) => `suggestions[${i}]`).join(', ')}); ` +
        'CDS Hooks allows this with selectionBehavior "any", but a decision in Deliberate weighs exactly one recommendation; mark exactly one.',
    );
  }
  if (recommendedIndex !== undefined) {
    const option = (candidate['options'] as unknown[])[recommendedIndex];
    if (isRecord(option)) candidate['recommended'] = option['id'];
  }

  /* Fields that carry over */
  const uuid = c.read(card, 'uuid', ['uuid']);
  if (uuid !== undefined) candidate['id'] = uuid;
  for (const key of ['summary', 'detail', 'indicator', 'source'] as const) {
    const value = c.read(card, key, [key]);
    if (value !== undefined) candidate[key] = value;
  }

  const overrideReasons = c.read(card, 'overrideReasons', ['overrideReasons']);
  if (overrideReasons !== undefined) {
    candidate['reasonCodes'] = isArray(overrideReasons)
      ? c.elements(overrideReasons, ['overrideReasons']).map((coding, i) => {
          if (!isRecord(coding)) return coding;
          const reason: Record<string, unknown> = {};
          for (const key of ['system', 'code', 'display'] as const) {
            const value = c.read(coding, key, ['overrideReasons', i, key]);
            if (value !== undefined) reason[key] = value;
          }
          return reason;
        })
      : overrideReasons;
  }

  /* Confidence: the caller's, else the extension's, else none */
  let confidenceSource: ConfidenceSource;
  if (options.confidence !== undefined) {
    candidate['confidence'] = options.confidence;
    confidenceSource = 'option';
  } else {
    const extension = c.read(card, 'extension', ['extension']);
    const value = isRecord(extension)
      ? c.read(extension, CDS_HOOKS_CONFIDENCE_EXTENSION, ['extension', CDS_HOOKS_CONFIDENCE_EXTENSION])
      : undefined;
    if (typeof value === 'number') {
      candidate['confidence'] = value;
      confidenceSource = 'extension';
    } else if (value !== undefined) {
      c.add(
        ['extension', CDS_HOOKS_CONFIDENCE_EXTENSION],
        'invalid_type',
        `${CDS_HOOKS_CONFIDENCE_EXTENSION} must be a number between 0 and 1, got ${describeValue(value)}.`,
      );
    }
  }
  candidate['calibration'] = { calibrated: options.calibrated ?? false };
  if (options.model !== undefined) candidate['model'] = options.model;

  const parsed = parseRecommendation(candidate);
  if (parsed.ok && c.issues.length === 0) return parsed;

  // Where the card check already explained a path (an information card, an unmarked
  // recommendation), the schema's view of the same spot would only repeat it less clearly.
  const explained = new Set(c.issues.map((issue) => JSON.stringify(issue.path)));
  const fromSchema = parsed.ok
    ? []
    : parsed.issues
        .map((issue) => toCardIssue(issue, confidenceSource))
        .filter((issue) => !explained.has(JSON.stringify(issue.path)));
  return { ok: false, issues: mergeIssues(c.issues, fromSchema) };
}

/**
 * Turns an HL7 CDS Hooks 2.0 card into a recommendation. Never throws; every problem with the
 * card comes back as an issue whose path points into the card (`suggestions[1].label`).
 *
 * - Suggestions become the options (id = suggestion `uuid`, else `suggestion-<index>`; label =
 *   suggestion `label`); the kind is always `categorical`, even with two suggestions, because
 *   `binary` is for explicit yes/no models.
 * - The suggestion marked `isRecommended: true` is recommended; a lone suggestion is recommended
 *   without the mark. Several suggestions with none marked, or several marked, are issues.
 * - `uuid` becomes `id`; `summary`, `detail`, `indicator` and `source` carry over;
 *   `overrideReasons` become `reasonCodes`.
 * - Cards carry no confidence. It is `options.confidence`, else a numeric
 *   `card.extension["deliberate.confidence"]`, else absent — never invented.
 * - A card without suggestions is an information card: an `empty_options` issue says there is
 *   nothing to decide between.
 *
 * @example
 * const result = fromCdsHooksCard(response.cards[0], { model: { id: 'sepsis-risk', version: '2.3.1' } });
 * if (result.ok) render(result.value);
 * else showCardAsInformation(formatRecommendationIssues(result.issues));
 */
export function fromCdsHooksCard(
  card: unknown,
  options: FromCdsHooksCardOptions = {},
): ParseRecommendationResult<Recommendation> {
  try {
    return convert(card, options);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'internal',
          message: `The CDS Hooks card could not be converted: ${errorText(error)}.`,
        },
      ],
    };
  }
}
