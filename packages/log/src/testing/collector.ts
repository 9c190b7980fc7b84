import type { DeliberateEvent } from '@deliberate/core';
import { DeliberateEventSchema } from '@deliberate/core/events';
import type { FetchLike } from '../sinks/http-common.ts';
import { json } from './fetch.ts';
import type { FetchReply, RecordedRequest } from './fetch.ts';
import { createFakeFetch } from './fetch.ts';

/**
 * An in-memory stand-in for the collector's `POST /v1/events` (docs/contracts.md §3.4): bearer
 * token, schema validation, de-duplication by id, `{ stored, duplicates, invalid }` with
 * 200/207/422. `failNext` scripts outages.
 */
export function createFakeCollector(token = 'secret-token') {
  const stored = new Map<string, DeliberateEvent>();
  const received: string[] = [];
  const outages: FetchReply[] = [];
  const fake = createFakeFetch((request: RecordedRequest) => {
    const outage = outages.shift();
    if (outage) return typeof outage === 'function' ? outage(request) : outage;
    if (request.headers.authorization !== `Bearer ${token}`) return json(401, { error: 'unauthorized' });
    const batch = JSON.parse(request.body) as unknown[];
    const answer = {
      stored: [] as string[],
      duplicates: [] as string[],
      invalid: [] as { id?: string; index: number; errors: string[] }[],
    };
    batch.forEach((item, index) => {
      const id = (item as { id?: unknown }).id;
      const parsed = DeliberateEventSchema.safeParse(item);
      if (!parsed.success) {
        answer.invalid.push({
          ...(typeof id === 'string' ? { id } : {}),
          index,
          errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`),
        });
        return;
      }
      const event = item as DeliberateEvent;
      received.push(event.id);
      if (stored.has(event.id)) answer.duplicates.push(event.id);
      else {
        stored.set(event.id, event);
        answer.stored.push(event.id);
      }
    });
    const status = answer.invalid.length === 0 ? 200 : answer.invalid.length === batch.length ? 422 : 207;
    return json(status, answer);
  });
  return {
    fetch: fake.fetch as FetchLike,
    requests: fake.requests,
    /** Events stored, in arrival order, each once. */
    stored: () => [...stored.values()],
    /** Every valid event id received, duplicates included. */
    received,
    failNext(...replies: FetchReply[]) {
      outages.push(...replies);
    },
  };
}
