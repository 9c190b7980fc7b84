import { afterEach, describe, expect, it } from 'vitest';
import { recommendationSource } from './parse-input.ts';

/*
 * A host may hand the provider a promise that has already been rejected (`Promise.reject(…)`, a
 * fetch that failed during the first render). The provider follows it from an effect after
 * mount; until then nothing may report the rejection as unhandled, because the decision goes on
 * without the AI and logs why (the packed consumer app saw a page error in Chromium for this).
 */
describe('a rejected recommendation promise', () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
    unhandled.length = 0;
  });

  it('is marked as handled as soon as the provider sorts it, before any effect runs', async () => {
    process.on('unhandledRejection', listener);
    const promise = Promise.reject(new Error('model down'));
    const source = recommendationSource(promise);
    expect(source.kind).toBe('promise');
    // Let the microtask queue drain and a macrotask pass, as a browser does before effects run.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
    // The rejection itself is still there for the effect to follow.
    await expect(source.kind === 'promise' ? source.promise : null).rejects.toThrow('model down');
  });
});
