import { describe, expect, it, vi } from 'vitest';
import { makeChain } from '../testing/drafts.ts';
import { createConsoleSink } from './console.ts';
import { createMemorySink } from './memory.ts';

describe('createMemorySink', () => {
  it('keeps every written event in order and tells subscribers', async () => {
    const memory = createMemorySink();
    const seen = vi.fn();
    const unsubscribe = memory.events.subscribe(seen);
    const events = makeChain(4);
    await memory.write(events.slice(0, 2));
    await memory.write(events.slice(2));
    expect(memory.events.get()).toEqual(events);
    expect(seen).toHaveBeenCalledTimes(2);
    unsubscribe();
    memory.clear();
    expect(memory.events.get()).toEqual([]);
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('createMemorySink snapshots', () => {
  it('hands out arrays that later writes do not change, and a new one after each write', async () => {
    const memory = createMemorySink();
    const events = makeChain(5);
    await memory.write(events.slice(0, 2));
    const before = memory.events.get();
    expect(memory.events.get()).toBe(before); // unchanged: the same array
    await memory.write(events.slice(2, 4));
    const after = memory.events.get();
    expect(after).not.toBe(before);
    expect(before).toEqual(events.slice(0, 2));
    expect(after).toEqual(events.slice(0, 4));
    const seen: (readonly unknown[])[] = [];
    memory.events.subscribe((value) => seen.push(value));
    await memory.write(events.slice(4));
    await memory.write([]);
    expect(seen).toEqual([events]);
    expect(after).toEqual(events.slice(0, 4));
    memory.clear();
    expect(seen[0]).toEqual(events);
    expect(memory.events.get()).toEqual([]);
  });
});

describe('createConsoleSink', () => {
  it('prints one summary line per event', async () => {
    const debug = vi.fn();
    const [event] = makeChain(1);
    await createConsoleSink({ console: { debug } }).write([event!]);
    expect(debug).toHaveBeenCalledWith('[deliberate] #0 decision.opened decision-0 (chain chain-a)');
  });

  it('prints the whole event as JSON on request', async () => {
    const debug = vi.fn();
    const [event] = makeChain(1);
    await createConsoleSink({ console: { debug }, format: 'json' }).write([event!]);
    expect(JSON.parse(debug.mock.calls[0]?.[1] as string)).toEqual(event);
  });
});
