import { describe, expect, it } from 'vitest';
import { de } from './de/index.ts';
import { decision as germanDecision } from './de/decision.ts';
import { explanation as germanExplanation } from './de/explanation.ts';
import { en } from './en/index.ts';
import { LOCALES, type Catalogue, type Locale } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const catalogues: Record<Locale, Catalogue> = { de, en };

describe('messages', () => {
  it('has a catalogue for every locale, naming its locale', () => {
    for (const locale of LOCALES) expect(catalogues[locale].locale).toBe(locale);
  });

  it('has the same keys in German and English', () => {
    expect(Object.keys(de.messages).sort()).toEqual(Object.keys(en.messages).sort());
  });

  it.each(LOCALES)('has no empty message in %s', (locale) => {
    const empty = Object.entries(catalogues[locale].messages).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(en.messages).filter(
      (key) =>
        placeholders(en.messages[key as keyof typeof en.messages]).join() !==
        placeholders(de.messages[key as keyof typeof de.messages]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is actually translated: German differs from English for most messages', () => {
    const same = Object.keys(en.messages).filter(
      (key) => en.messages[key as keyof typeof en.messages] === de.messages[key as keyof typeof de.messages],
    );
    expect(same.length).toBeLessThan(Object.keys(en.messages).length * 0.1);
  });

  it('splits German into the decision families and the explanation family, without overlap', () => {
    const decisionKeys = Object.keys(germanDecision);
    const explanationKeys = Object.keys(germanExplanation);
    expect(explanationKeys.every((key) => key.startsWith('explanation.'))).toBe(true);
    expect(decisionKeys.some((key) => key.startsWith('explanation.'))).toBe(false);
    expect([...decisionKeys, ...explanationKeys].sort()).toEqual(Object.keys(de.messages).sort());
  });
});
