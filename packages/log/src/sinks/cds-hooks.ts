import type { DeliberateEvent } from '@deliberate/core';
import type { EventSink, Timers } from '../types.ts';
import { DEFAULT_HTTP_RETRY, resolveFetch, sendWithRetry, statusError, systemTimers } from './http-common.ts';
import type { FetchLike, HttpRetryOptions } from './http-common.ts';

/**
 * The CDS Hooks card a decision was about, as the host knows it.
 *
 * @example
 * const ref: CdsCardRef = { card: card.uuid, acceptedSuggestions: [card.suggestions[0].uuid] };
 */
export interface CdsCardRef {
  /** The card's `uuid`. */
  card: string;
  /** `uuid`s of the suggestions the accepted decision applied. */
  acceptedSuggestions?: readonly string[];
  /** The service that returned the card, when it is not the sink's `serviceId`. */
  serviceId?: string;
}

/**
 * One CDS Hooks `Feedback` entry (CDS Hooks 2.0, feedback endpoint).
 *
 * @example
 * const entry: CdsHooksFeedback = { card, outcome: 'accepted', acceptedSuggestions: [{ id }], outcomeTimestamp };
 */
export interface CdsHooksFeedback {
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions?: { id: string }[];
  overrideReason?: { reason?: { system: string; code: string; display?: string }; userComment?: string };
  outcomeTimestamp: string;
}

/**
 * Maps a `decision.finalized` event to CDS Hooks feedback, or `undefined` when there is none
 * to give: `accepted` → accepted (with the suggestions applied); `overridden` and `modified`
 * (the person changed the AI's answer) → overridden, with the first coded reason as
 * `overrideReason.reason` (the spec allows one) and the comment as `userComment`; `without-ai`
 * → nothing, because the card was never used to decide.
 *
 * @example
 * toCdsHooksFeedback(finalized, { card: 'f1d2…' })?.outcome; // 'overridden'
 */
export function toCdsHooksFeedback(event: DeliberateEvent, ref: CdsCardRef): CdsHooksFeedback | undefined {
  if (event.type !== 'decision.finalized') return undefined;
  const { outcome, reasons, comment } = event.data;
  if (outcome === 'accepted') {
    const suggestions = ref.acceptedSuggestions ?? [];
    return {
      card: ref.card,
      outcome: 'accepted',
      ...(suggestions.length > 0 ? { acceptedSuggestions: suggestions.map((id) => ({ id })) } : {}),
      outcomeTimestamp: event.ts,
    };
  }
  if (outcome === 'overridden' || outcome === 'modified') {
    const first = reasons[0];
    const overrideReason = {
      ...(first ? { reason: { system: first.system, code: first.code, display: first.display } } : {}),
      ...(comment !== undefined && comment !== '' ? { userComment: comment } : {}),
    };
    return {
      card: ref.card,
      outcome: 'overridden',
      ...(Object.keys(overrideReason).length > 0 ? { overrideReason } : {}),
      outcomeTimestamp: event.ts,
    };
  }
  return undefined;
}

/**
 * Options for `createCdsHooksFeedbackSink`.
 *
 * @example
 * createCdsHooksFeedbackSink({ baseUrl: 'https://cds.example/r4', serviceId: 'eligibility', cardFor });
 */
export interface CdsHooksFeedbackSinkOptions {
  /** The CDS service's base URL (the one its discovery endpoint hangs off). */
  baseUrl: string;
  serviceId: string;
  /** Finds the card a finalized decision was about; `undefined` when it did not come from a card. */
  cardFor: (
    event: DeliberateEvent<'decision.finalized'>,
  ) => CdsCardRef | undefined | Promise<CdsCardRef | undefined>;
  fetch?: FetchLike;
  /** Request headers (a CDS client usually sends a signed JWT as bearer token), or a function giving them. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  retry?: HttpRetryOptions;
  timeoutMs?: number;
  timers?: Timers;
  random?: () => number;
}

/**
 * Creates a sink that reports finalized decisions to a CDS Hooks service's feedback endpoint,
 * `POST {baseUrl}/cds-services/{serviceId}/feedback`. Other events are ignored. Network errors,
 * 429 and 5xx are retried; other refusals fail the write. The body carries card and suggestion
 * ids, the coded reason, the (already redacted) comment and the time — no actor or case.
 *
 * @example
 * const cds = createCdsHooksFeedbackSink({ baseUrl, serviceId: 'eligibility', cardFor: (e) => cards.get(e.decisionId) });
 */
export function createCdsHooksFeedbackSink(options: CdsHooksFeedbackSinkOptions): EventSink {
  const doFetch = resolveFetch(options.fetch);
  const timers = options.timers ?? systemTimers;
  const base = options.baseUrl.replace(/\/+$/, '');
  const receiver = 'The CDS service';
  return {
    async write(events) {
      const byService = new Map<string, CdsHooksFeedback[]>();
      for (const event of events) {
        if (event.type !== 'decision.finalized') continue;
        const ref = await options.cardFor(event);
        if (!ref) continue;
        const feedback = toCdsHooksFeedback(event, ref);
        if (!feedback) continue;
        const serviceId = ref.serviceId ?? options.serviceId;
        byService.set(serviceId, [...(byService.get(serviceId) ?? []), feedback]);
      }
      const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
      for (const [serviceId, feedback] of byService) {
        const response = await sendWithRetry({
          fetch: doFetch,
          url: `${base}/cds-services/${encodeURIComponent(serviceId)}/feedback`,
          body: JSON.stringify({ feedback }),
          headers: { ...extra, 'content-type': 'application/json' },
          retry: { ...DEFAULT_HTTP_RETRY, ...options.retry },
          timers,
          random: options.random ?? Math.random,
          timeoutMs: options.timeoutMs ?? 30_000,
          retryable: (code) => code === 408 || code === 429 || code >= 500,
          receiver,
        });
        if (!response.ok) throw statusError(receiver, response, false, timers.now());
      }
    },
  };
}
