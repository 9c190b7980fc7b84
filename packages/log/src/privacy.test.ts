import type { EventType } from '@deliberate/core';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { toCsv } from './export/csv.ts';
import { toJsonl } from './export/jsonl.ts';
import { createLogger } from './logger.ts';
import type { LoggerOptions } from './logger.ts';
import { createCdsHooksFeedbackSink } from './sinks/cds-hooks.ts';
import { createHttpSink } from './sinks/http.ts';
import { createMemorySink } from './sinks/memory.ts';
import { createOtelSink } from './sinks/otel.ts';
import { createOutbox } from './sinks/outbox.ts';
import { createFakeCollector } from './testing/collector.ts';
import { makeDraft } from './testing/drafts.ts';
import { createFakeFetch, json } from './testing/fetch.ts';

const KEY = new Uint8Array(32).fill(42);
const TYPES: EventType[] = [
  'decision.opened',
  'judgement.committed',
  'recommendation.revealed',
  'explanation.viewed',
  'decision.finalized',
  'ai.stopped',
  'outcome.recorded',
];

/*
 * Raw ids with a marker no serialiser produces on its own, from characters no serialiser
 * escapes (JSON, CSV, the JSON-in-JSON of the OTLP body), so "not in the output" really means
 * "did not leak" rather than "leaked in escaped form".
 */
const rawId = (marker: string) =>
  fc.stringMatching(/^[A-Za-z0-9äöüÄÖÜß._:@-]{4,16}$/).map((tail) => `${marker}-${tail}`);

/** Runs one decision's events through every sink and returns each sink's serialised output. */
async function everySinkOutput(
  actorId: string,
  caseRef: string,
  options: Pick<LoggerOptions, 'pseudonymize'> & Partial<LoggerOptions>,
  text = {},
  decisionId = 'decision-1',
): Promise<Record<string, string>> {
  const memory = createMemorySink();
  const collector = createFakeCollector('t');
  const http = createHttpSink({
    url: 'https://collector.example/v1/events',
    token: 't',
    fetch: collector.fetch,
  });
  const outbox = createOutbox({ transport: http, indexedDB: new IDBFactory(), locks: null });
  const otlp = createFakeFetch(json(200, {}));
  const cds = createFakeFetch(json(200, {}));
  const logger = createLogger({
    sinks: [
      memory,
      outbox,
      createOtelSink({ endpoint: 'https://otel.example', fetch: otlp.fetch }),
      createCdsHooksFeedbackSink({
        baseUrl: 'https://cds.example',
        serviceId: 'eligibility',
        cardFor: () => ({ card: 'card-1', acceptedSuggestions: ['s-1'] }),
        fetch: cds.fetch,
      }),
    ],
    ...options,
  });
  const announced: unknown[] = [];
  logger.subscribe((events) => announced.push(...events));
  await logger
    .log(TYPES.map((type) => makeDraft(type, { actorId, caseRef, decisionId, data: text })))
    .catch(() => {});
  await logger.flush();
  await outbox.close();
  const events = memory.events.get();
  return {
    memory: JSON.stringify(events),
    http: collector.requests.map((request) => request.body).join('\n'),
    otel: otlp.requests.map((request) => request.body).join('\n'),
    cds: cds.requests.map((request) => request.body).join('\n'),
    csv: toCsv(events),
    jsonl: toJsonl(events),
    subscribe: JSON.stringify(announced),
  };
}

function leaks(outputs: Record<string, string>, secrets: string[]): string[] {
  return Object.entries(outputs)
    .filter(([, output]) => secrets.some((secret) => output.includes(secret)))
    .map(([sink]) => sink);
}

describe('privacy', () => {
  it('lets no raw actor id or case reference reach any sink', async () => {
    await fc.assert(
      fc.asyncProperty(rawId('ACTOR'), rawId('CASE'), async (actorId, caseRef) => {
        const outputs = await everySinkOutput(actorId, caseRef, { pseudonymize: { key: KEY } });
        expect(outputs.http).not.toBe('');
        expect(outputs.otel).not.toBe('');
        expect(outputs.cds).not.toBe('');
        expect(leaks(outputs, [actorId, caseRef])).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('lets no redacted free text reach any sink', async () => {
    await fc.assert(
      fc.asyncProperty(rawId('NAME'), async (name) => {
        const text = {
          rationale: `Talked to ${name} on the phone.`,
          comment: `${name} brought the payslip.`,
          reason: `Reported by ${name}.`,
        };
        const outputs = await everySinkOutput(
          'actor-1',
          'case-1',
          { pseudonymize: { key: KEY }, redact: (value) => value.split(name).join('[name]') },
          text,
        );
        expect(leaks(outputs, [name])).toEqual([]);
        expect(outputs.memory).toContain('Talked to [name] on the phone.');
      }),
      { numRuns: 20 },
    );
  });

  it('lets no raw id through in the browser mode: a draft with raw ids is refused, not sent', async () => {
    await fc.assert(
      fc.asyncProperty(rawId('ACTOR'), rawId('CASE'), async (actorId, caseRef) => {
        const refused: unknown[] = [];
        const outputs = await everySinkOutput(actorId, caseRef, {
          pseudonymize: { upstream: true },
          onError: (error) => refused.push(error),
        });
        expect(leaks(outputs, [actorId, caseRef])).toEqual([]);
        expect(outputs.memory).toBe('[]');
        expect(refused).toEqual([
          expect.objectContaining({ name: 'NotPseudonymousError', field: 'actor.id' }),
        ]);
      }),
      { numRuns: 20 },
    );
  });

  it('lets no raw decisionId reach any sink when it is pseudonymised', async () => {
    await fc.assert(
      fc.asyncProperty(rawId('DECISION'), async (decisionId) => {
        const outputs = await everySinkOutput(
          'actor-1',
          'case-1',
          { pseudonymize: { key: KEY, decisionId: true } },
          {},
          decisionId,
        );
        expect(outputs.http).not.toBe('');
        expect(leaks(outputs, [decisionId])).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('would notice a leak: with pseudonymisation off, the raw ids reach every sink that carries them', async () => {
    const outputs = await everySinkOutput('ACTOR-raw.id', 'CASE-raw.ref', { pseudonymize: false });
    // The CDS Hooks feedback carries neither actor nor case by design.
    expect(leaks(outputs, ['ACTOR-raw.id'])).toEqual(['memory', 'http', 'otel', 'csv', 'jsonl', 'subscribe']);
    expect(leaks(outputs, ['CASE-raw.ref'])).toEqual(['memory', 'http', 'otel', 'csv', 'jsonl', 'subscribe']);
  });
});
