import { beforeEach, describe, expect, it, vi } from 'vitest';
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import type { Catalogue } from './index.ts';

// Fresh modules for every test: the registry of a page that has loaded nothing yet.
async function registry() {
  return import('./index.ts');
}

describe('message catalogues', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('has the German decision messages from the start, and nothing else', async () => {
    const { catalogueEntry } = await registry();
    const german = catalogueEntry('de');
    expect(german.status).toBe('ready');
    const keys = german.status === 'ready' ? Object.keys(german.messages) : [];
    expect(keys).toContain('actions.accept');
    // The explanation family comes with the explanation components, English with its catalogue.
    expect(keys.filter((key) => key.startsWith('explanation.'))).toEqual([]);
    expect(catalogueEntry('en').status).toBe('missing');
  });

  it('loads a catalogue once, registers it and hands out copies of its messages', async () => {
    const { catalogueEntry, loadCatalogue, messagesFor } = await registry();
    const [first, second] = await Promise.all([loadCatalogue('en'), loadCatalogue('en')]);
    expect(first).toBe(second);
    expect(first.messages).toEqual(en.messages);
    expect(catalogueEntry('en')).toEqual({ status: 'ready', messages: en.messages });

    const messages = await messagesFor('en');
    expect(messages).toEqual(en.messages);
    messages['actions.accept'] = 'changed';
    expect((await messagesFor('en'))['actions.accept']).toBe(en.messages['actions.accept']);
  });

  it('completes German with the explanation family when the German catalogue is loaded', async () => {
    const { catalogueEntry, messagesFor } = await registry();
    expect(await messagesFor('de')).toEqual(de.messages);
    expect(catalogueEntry('de')).toEqual({ status: 'ready', messages: de.messages });
  });

  it('tells subscribers about every change, and requests a locale only once', async () => {
    const { catalogueEntry, requestCatalogue, subscribeCatalogues } = await registry();
    const seen: string[] = [];
    const unsubscribe = subscribeCatalogues(() => seen.push(catalogueEntry('en').status));
    requestCatalogue('en');
    requestCatalogue('en');
    await vi.waitFor(() => expect(catalogueEntry('en').status).toBe('ready'));
    requestCatalogue('en');
    unsubscribe();
    expect(seen).toEqual(['loading', 'ready']);
  });

  it('refuses a catalogue for a locale it does not know', async () => {
    const { registerCatalogue } = await registry();
    const klingon = { locale: 'tlh', messages: en.messages } as unknown as Catalogue;
    expect(() => registerCatalogue(klingon)).toThrow(/unknown locale "tlh"; one of de, en/);
  });

  it('says how to register English when describeConfidence is asked for it unregistered', async () => {
    const { describeConfidence } = await import('../confidence/describe-confidence.ts');
    const input = { confidence: 0.82, calibrated: true, format: 'verbal', locale: 'en' } as const;
    expect(() => describeConfidence(input)).toThrow(
      /no 'en' messages are registered\. Call registerCatalogue\(en\) with the catalogue from '@deliberate\/react\/locales\/en'/,
    );
    const { registerCatalogue } = await registry();
    registerCatalogue(en);
    expect(describeConfidence(input).text).toBe('likely (66–90%)');
  });
});
