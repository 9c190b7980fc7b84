import { describe, expect, it } from 'vitest';
import { makeChain } from '../testing/drafts.ts';
import { createFakeFetch, json } from '../testing/fetch.ts';
import { createInstantTimers } from '../testing/timers.ts';
import { createOtelSink, toAnyValue, toOtlpLogs } from './otel.ts';
import type { OtlpKeyValue } from './otel.ts';

const attributes = (list: OtlpKeyValue[]) => Object.fromEntries(list.map(({ key, value }) => [key, value]));

describe('toOtlpLogs', () => {
  const events = makeChain(5);

  it('maps each event to a log record with its time in nanoseconds as a decimal string', () => {
    const request = toOtlpLogs(events, { observedAt: Date.UTC(2025, 0, 2) });
    const records = request.resourceLogs[0]?.scopeLogs[0]?.logRecords ?? [];
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({
      timeUnixNano: '1735689600000000000',
      observedTimeUnixNano: '1735776000000000000',
      severityNumber: 9,
      severityText: 'INFO',
    });
    expect(records[1]?.timeUnixNano).toBe('1735689601000000000');
  });

  it('carries the whole event as a JSON string body by default, or as a kvlist', () => {
    const [event] = events;
    const asJson = toOtlpLogs([event!]).resourceLogs[0]?.scopeLogs[0]?.logRecords[0];
    expect(JSON.parse((asJson?.body as { stringValue: string }).stringValue)).toEqual(event);
    const asKvlist = toOtlpLogs([event!], { body: 'kvlist' }).resourceLogs[0]?.scopeLogs[0]?.logRecords[0];
    expect(asKvlist?.body).toEqual(toAnyValue(event));
  });

  it('exposes the envelope as deliberate.* attributes, integers as strings', () => {
    const finalized = events[4]!;
    const record = toOtlpLogs([finalized]).resourceLogs[0]?.scopeLogs[0]?.logRecords[0];
    expect(attributes(record?.attributes ?? [])).toMatchObject({
      'deliberate.event.id': { stringValue: finalized.id },
      'deliberate.event.type': { stringValue: 'decision.finalized' },
      'deliberate.decision.id': { stringValue: finalized.decisionId },
      'deliberate.case.ref': { stringValue: finalized.caseRef },
      'deliberate.actor.id': { stringValue: finalized.actor.id },
      'deliberate.model.version': { stringValue: '2.3.1' },
      'deliberate.chain.seq': { intValue: '4' },
      'deliberate.outcome': { stringValue: 'overridden' },
    });
  });

  it('names the service and the instrumentation scope', () => {
    const request = toOtlpLogs(events, {
      resource: { 'service.name': 'benefits-ui', 'deployment.environment': 'test' },
    });
    expect(attributes(request.resourceLogs[0]?.resource.attributes ?? [])).toEqual({
      'service.name': { stringValue: 'benefits-ui' },
      'deployment.environment': { stringValue: 'test' },
    });
    expect(request.resourceLogs[0]?.scopeLogs[0]?.scope.name).toBe('@deliberate/log');
  });
});

describe('toAnyValue', () => {
  it('maps JSON values to OTLP AnyValues', () => {
    expect(toAnyValue({ s: 'x', b: true, i: 3, d: 0.5, n: null, a: [1] })).toEqual({
      kvlistValue: {
        values: [
          { key: 's', value: { stringValue: 'x' } },
          { key: 'b', value: { boolValue: true } },
          { key: 'i', value: { intValue: '3' } },
          { key: 'd', value: { doubleValue: 0.5 } },
          { key: 'n', value: {} },
          { key: 'a', value: { arrayValue: { values: [{ intValue: '1' }] } } },
        ],
      },
    });
  });
});

describe('createOtelSink', () => {
  it('POSTs the request to {endpoint}/v1/logs as JSON', async () => {
    const fake = createFakeFetch(json(200, {}));
    const sink = createOtelSink({
      endpoint: 'http://otel.example:4318/',
      fetch: fake.fetch,
      headers: { 'x-api-key': 'k' },
    });
    await sink.write(makeChain(2));
    expect(fake.requests[0]).toMatchObject({
      url: 'http://otel.example:4318/v1/logs',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
    });
    expect(JSON.parse(fake.requests[0]?.body ?? '').resourceLogs[0].scopeLogs[0].logRecords).toHaveLength(2);
  });

  it('retries what OTLP calls retryable and fails on other refusals', async () => {
    const fake = createFakeFetch(json(200, {}));
    fake.reply(json(503, {}), json(429, {}, { 'retry-after': '1' }));
    const timers = createInstantTimers();
    const sink = createOtelSink({
      endpoint: 'http://otel.example:4318',
      fetch: fake.fetch,
      timers,
      random: () => 0,
    });
    await sink.write(makeChain(1));
    expect(fake.requests).toHaveLength(3);
    expect(timers.delays).toEqual([0, 1000]);

    fake.reply(json(400, {}));
    await expect(sink.write(makeChain(1))).rejects.toMatchObject({
      name: 'HttpSinkError',
      status: 400,
      retryable: false,
    });
  });
});
