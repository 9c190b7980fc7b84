import { describe, expect, it } from 'vitest';
import { LOCALES, messagesFor } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const en = messagesFor('en');
  const de = messagesFor('de');

  it('has the same keys in German and English', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)('has no empty message in %s', (locale) => {
    const empty = Object.entries(messagesFor(locale)).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (key) =>
        placeholders(en[key as keyof typeof en]).join() !== placeholders(de[key as keyof typeof de]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is actually translated: German differs from English for most messages', () => {
    const same = Object.keys(en).filter((key) => en[key as keyof typeof en] === de[key as keyof typeof de]);
    expect(same.length).toBeLessThan(Object.keys(en).length * 0.1);
  });
});
