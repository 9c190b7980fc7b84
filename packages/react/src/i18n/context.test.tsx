import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { explanationMessages, messagesFor, type Locale, type Messages } from '../messages/index.ts';
import { I18nProvider, useI18n } from './context.tsx';

function Show({ keys, family }: { keys: string[]; family?: boolean }) {
  const { t } = useI18n(family ? explanationMessages : undefined);
  return (
    <ul>
      {keys.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

function texts(): string[] {
  return screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
}

describe('useI18n', () => {
  it.each<Locale>(['de', 'en'])('layers a component family over the decision messages (%s)', (locale) => {
    const all = messagesFor(locale);
    render(
      <I18nProvider locale={locale}>
        <Show family keys={['explanation.title', 'actions.accept']} />
      </I18nProvider>,
    );
    expect(texts()).toEqual([all['explanation.title'], all['actions.accept']]);
  });

  it('lets the provider’s overrides win over a family’s defaults', () => {
    const overrides: Partial<Messages> = {
      'explanation.title': 'Prüfen Sie selbst',
      'actions.accept': 'Wie vorgeschlagen bewilligen',
    };
    render(
      <I18nProvider locale="de" messages={overrides}>
        <Show family keys={['explanation.title', 'actions.accept', 'explanation.intro']} />
      </I18nProvider>,
    );
    expect(texts()).toEqual([
      'Prüfen Sie selbst',
      'Wie vorgeschlagen bewilligen',
      messagesFor('de')['explanation.intro'],
    ]);
  });

  it('keeps explanation messages out of the decision translator', () => {
    render(
      <I18nProvider locale="en">
        <Show keys={['explanation.title', 'actions.accept']} />
      </I18nProvider>,
    );
    // Unknown keys come back as the key: the family is only there for components that ask for it.
    expect(texts()).toEqual(['explanation.title', messagesFor('en')['actions.accept']]);
  });

  it('falls back to German without a provider', () => {
    render(<Show family keys={['explanation.title']} />);
    expect(texts()).toEqual([messagesFor('de')['explanation.title']]);
  });
});
