import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { de } from '../messages/de/index.ts';
import { en } from '../messages/en/index.ts';
import { explanationMessages } from '../messages/explanation.ts';
import type { Locale, Messages } from '../messages/index.ts';
import { I18nProvider, useI18n } from './context.tsx';

const catalogues = { de, en };

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
  return screen.queryAllByRole('listitem').map((item) => item.textContent ?? '');
}

// The component project's setup registers English (vitest.setup.ts), as a host can; these tests
// use the module as loaded there.
describe('useI18n', () => {
  it.each<Locale>(['de', 'en'])('layers a component family over the decision messages (%s)', (locale) => {
    const all = catalogues[locale].messages;
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
      de.messages['explanation.intro'],
    ]);
  });

  it('keeps the German explanation messages out of the decision translator', () => {
    render(
      <I18nProvider locale="de">
        <Show keys={['explanation.title', 'actions.accept']} />
      </I18nProvider>,
    );
    // Unknown keys come back as the key: the family is only there for components that ask for it.
    expect(texts()).toEqual(['explanation.title', de.messages['actions.accept']]);
  });

  it('falls back to German without a provider', () => {
    render(<Show family keys={['explanation.title', 'actions.accept']} />);
    expect(texts()).toEqual([de.messages['explanation.title'], de.messages['actions.accept']]);
  });

  it('takes overrides given as a new object on every render', () => {
    const { rerender } = render(
      <I18nProvider locale="en" messages={{ 'actions.accept': 'Approve' }}>
        <Show keys={['actions.accept']} />
      </I18nProvider>,
    );
    rerender(
      <I18nProvider locale="en" messages={{ 'actions.accept': 'Approve as suggested' }}>
        <Show keys={['actions.accept']} />
      </I18nProvider>,
    );
    expect(texts()).toEqual(['Approve as suggested']);
  });
});

/*
 * A German-only app: nothing but German is registered. Each test gets fresh modules (a fresh
 * registry), as a page that has loaded nothing yet.
 */
describe('a locale loaded on demand', () => {
  afterEach(() => {
    vi.doUnmock('../messages/en/index.ts');
    vi.resetModules();
  });

  async function fresh() {
    vi.resetModules();
    const context = await import('./context.tsx');
    const registry = await import('../messages/index.ts');
    function FreshShow({ keys }: { keys: string[] }) {
      const { t, locale } = context.useI18n();
      return (
        <ul lang={locale}>
          {keys.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      );
    }
    return { ...context, ...registry, FreshShow };
  }

  it('renders the fallback, never German, until English is there, then English only', async () => {
    const { I18nProvider: Provider, FreshShow, catalogueEntry } = await fresh();
    expect(catalogueEntry('en').status).toBe('missing');
    render(
      <Provider locale="en" fallback={<p>Loading…</p>}>
        <FreshShow keys={['actions.accept', 'screen.decidedBy']} />
      </Provider>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(texts()).toEqual([]);

    expect(await screen.findByText(en.messages['screen.decidedBy'])).toBeInTheDocument();
    expect(texts()).toEqual([en.messages['actions.accept'], en.messages['screen.decidedBy']]);
    expect(screen.getByRole('list')).toHaveAttribute('lang', 'en');
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    expect(catalogueEntry('en').status).toBe('ready');
  });

  it('renders nothing while loading when no fallback is given', async () => {
    const { I18nProvider: Provider, FreshShow } = await fresh();
    const { container } = render(
      <Provider locale="en">
        <FreshShow keys={['screen.decidedBy']} />
      </Provider>,
    );
    expect(container).toBeEmptyDOMElement();
    expect(await screen.findByText(en.messages['screen.decidedBy'])).toBeInTheDocument();
  });

  it('keeps German on a switch to English until English is there, never a mix', async () => {
    const { I18nProvider: Provider, FreshShow } = await fresh();
    const keys = ['actions.accept', 'screen.decidedBy', 'judgement.commit'];
    const { rerender } = render(
      <Provider locale="de">
        <FreshShow keys={keys} />
      </Provider>,
    );
    const german = keys.map((key) => de.messages[key as keyof Messages]);
    expect(texts()).toEqual(german);

    rerender(
      <Provider locale="en">
        <FreshShow keys={keys} />
      </Provider>,
    );
    expect(texts()).toEqual(german);
    expect(screen.getByRole('list')).toHaveAttribute('lang', 'de');

    await screen.findByText(en.messages['screen.decidedBy']);
    expect(texts()).toEqual(keys.map((key) => en.messages[key as keyof Messages]));
  });

  it('shows German throughout when English cannot be loaded, so the person can still decide', async () => {
    vi.doMock('../messages/en/index.ts', () => {
      throw new Error('chunk not reachable');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { I18nProvider: Provider, FreshShow, catalogueEntry } = await fresh();
    render(
      <Provider locale="en" messages={{ 'actions.accept': 'Approve' }}>
        <FreshShow keys={['actions.accept', 'screen.decidedBy']} />
      </Provider>,
    );
    expect(await screen.findByText(de.messages['screen.decidedBy'])).toBeInTheDocument();
    // The English override is left out too: it would mix the languages.
    expect(texts()).toEqual([de.messages['actions.accept'], de.messages['screen.decidedBy']]);
    expect(screen.getByRole('list')).toHaveAttribute('lang', 'de');
    expect(catalogueEntry('en').status).toBe('failed');
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("the 'en' messages could not be loaded"),
      expect.any(Error),
    );
    warn.mockRestore();
  });

  it('tries again on the next mount after a failed load', async () => {
    vi.doMock('../messages/en/index.ts', () => {
      throw new Error('offline');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { I18nProvider: Provider, FreshShow, catalogueEntry } = await fresh();
    const first = render(
      <Provider locale="en">
        <FreshShow keys={['screen.decidedBy']} />
      </Provider>,
    );
    await screen.findByText(de.messages['screen.decidedBy']);
    first.unmount();

    vi.doUnmock('../messages/en/index.ts');
    render(
      <Provider locale="en">
        <FreshShow keys={['screen.decidedBy']} />
      </Provider>,
    );
    expect(await screen.findByText(en.messages['screen.decidedBy'])).toBeInTheDocument();
    expect(catalogueEntry('en').status).toBe('ready');
    warn.mockRestore();
  });

  it('opens the decision at once and shows the screen in English once English is there', async () => {
    const { DecisionProvider } = await import('../decision/decision-provider.tsx');
    const { DecisionScreen } = await import('../screen/decision-screen.tsx');
    const events: string[] = [];
    render(
      <DecisionProvider
        recommendation={null}
        options={{
          kind: 'choice',
          options: [
            { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
            { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
          ],
        }}
        decisionId="d-1"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1', role: 'caseworker' }}
        locale="en"
        localeFallback={<p>Loading…</p>}
        onEvents={(batch) => events.push(...batch.map((event) => event.type))}
      >
        <DecisionScreen />
      </DecisionProvider>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByText(de.messages['screen.decidedBy'])).not.toBeInTheDocument();
    const decision = await screen.findByRole('region', { name: 'Decision about case case-1' });
    expect(decision).toHaveAttribute('lang', 'en');
    expect(screen.getByText(en.messages['screen.decidedBy'])).toBeVisible();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    expect(events).toEqual(['decision.opened']);
  });

  it('renders at once, without loading, once the host registered the catalogue', async () => {
    const { I18nProvider: Provider, FreshShow, registerCatalogue } = await fresh();
    act(() => registerCatalogue(en));
    render(
      <Provider locale="en" fallback={<p>Loading…</p>}>
        <FreshShow keys={['screen.decidedBy']} />
      </Provider>,
    );
    expect(texts()).toEqual([en.messages['screen.decidedBy']]);
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
