import type { DeliberateEvent } from '@deliberate/core';
import { describe, expect, it, vi } from 'vitest';
import { stampEvent } from '../chain.ts';
import { makeDraft } from '../testing/drafts.ts';
import { createFakeFetch, json } from '../testing/fetch.ts';
import { createCdsHooksFeedbackSink, toCdsHooksFeedback } from './cds-hooks.ts';

function finalized(outcome: string, data: Record<string, unknown> = {}, seq = 0): DeliberateEvent {
  const draft = makeDraft('decision.finalized', {
    decisionId: `decision-${outcome}`,
    data: { outcome, ...data },
  });
  return stampEvent(draft, `event-${outcome}-${seq}`, {
    id: 'c',
    seq,
    prev: seq === 0 ? null : 'a'.repeat(64),
  }).event;
}

describe('toCdsHooksFeedback', () => {
  it('reports an accepted decision with the suggestions applied', () => {
    expect(
      toCdsHooksFeedback(finalized('accepted'), { card: 'card-1', acceptedSuggestions: ['sugg-1'] }),
    ).toEqual({
      card: 'card-1',
      outcome: 'accepted',
      acceptedSuggestions: [{ id: 'sugg-1' }],
      outcomeTimestamp: '2025-01-01T00:00:00.000Z',
    });
  });

  it('reports an override with the first coded reason and the comment', () => {
    expect(toCdsHooksFeedback(finalized('overridden'), { card: 'card-1' })).toEqual({
      card: 'card-1',
      outcome: 'overridden',
      overrideReason: {
        reason: { system: 'urn:deliberate:reasons', code: 'missing-evidence', display: 'Evidence missing' },
        userComment: 'The model did not see the new payslip.',
      },
      outcomeTimestamp: '2025-01-01T00:00:00.000Z',
    });
  });

  it('reports a modified decision as overridden, with its reason', () => {
    const feedback = toCdsHooksFeedback(finalized('modified', { comment: undefined }), { card: 'card-1' });
    expect(feedback).toMatchObject({
      outcome: 'overridden',
      overrideReason: { reason: { code: 'missing-evidence' } },
    });
    expect(feedback?.overrideReason).not.toHaveProperty('userComment');
  });

  it('gives no feedback for a decision taken without the AI, or for other events', () => {
    expect(toCdsHooksFeedback(finalized('without-ai'), { card: 'card-1' })).toBeUndefined();
    const opened = stampEvent(makeDraft('decision.opened'), 'e', { id: 'c', seq: 0, prev: null }).event;
    expect(toCdsHooksFeedback(opened, { card: 'card-1' })).toBeUndefined();
  });
});

describe('createCdsHooksFeedbackSink', () => {
  it('POSTs the feedback of finalized decisions with a card to the service’s feedback endpoint', async () => {
    const fake = createFakeFetch(json(200, {}));
    const cardFor = vi.fn((event: DeliberateEvent<'decision.finalized'>) =>
      event.data.outcome === 'accepted' ? { card: 'card-a', acceptedSuggestions: ['s-1'] } : undefined,
    );
    const sink = createCdsHooksFeedbackSink({
      baseUrl: 'https://cds.example/r4/',
      serviceId: 'eligibility',
      cardFor,
      fetch: fake.fetch,
      headers: async () => ({ authorization: 'Bearer jwt' }),
    });
    const opened = stampEvent(makeDraft('decision.opened'), 'e', { id: 'c', seq: 0, prev: null }).event;
    await sink.write([opened, finalized('accepted', {}, 1), finalized('overridden', {}, 2)]);
    expect(cardFor).toHaveBeenCalledTimes(2);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      url: 'https://cds.example/r4/cds-services/eligibility/feedback',
      headers: { authorization: 'Bearer jwt', 'content-type': 'application/json' },
    });
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({
      feedback: [
        {
          card: 'card-a',
          outcome: 'accepted',
          acceptedSuggestions: [{ id: 's-1' }],
          outcomeTimestamp: '2025-01-01T00:00:00.000Z',
        },
      ],
    });
  });

  it('sends nothing when no event has feedback to give', async () => {
    const fake = createFakeFetch(json(200, {}));
    const sink = createCdsHooksFeedbackSink({
      baseUrl: 'https://cds.example',
      serviceId: 's',
      cardFor: () => ({ card: 'x' }),
      fetch: fake.fetch,
    });
    await sink.write([finalized('without-ai')]);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends to the service that returned the card when it is another one', async () => {
    const fake = createFakeFetch(json(200, {}));
    const sink = createCdsHooksFeedbackSink({
      baseUrl: 'https://cds.example',
      serviceId: 'default',
      cardFor: () => ({ card: 'x', serviceId: 'fraud check' }),
      fetch: fake.fetch,
    });
    await sink.write([finalized('overridden')]);
    expect(fake.requests[0]?.url).toBe('https://cds.example/cds-services/fraud%20check/feedback');
  });

  it('fails the write when the service refuses the feedback', async () => {
    const fake = createFakeFetch(json(400, {}));
    const sink = createCdsHooksFeedbackSink({
      baseUrl: 'https://cds.example',
      serviceId: 's',
      cardFor: () => ({ card: 'x' }),
      fetch: fake.fetch,
    });
    await expect(sink.write([finalized('accepted')])).rejects.toMatchObject({
      status: 400,
      retryable: false,
    });
  });
});
