import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecisionProvider } from '../decision/decision-provider.tsx';
import { ExplanationPanel } from '../explanation/explanation-panel.tsx';
import { SafeMarkdown } from '../explanation/safe-markdown.tsx';
import type { Locale } from '../messages/index.ts';
import { Recommendation } from '../recommendation/recommendation.tsx';
import { housingBenefit, makePlan, T0 } from '../testing/decision-fixtures.tsx';

/*
 * Model text that tries to take over the screen: a RIGHT-TO-LEFT OVERRIDE that would reverse
 * our own text after it, and megabytes of text that would be rendered in full.
 */

const RLO = '\u202E';
const TWO_MB = 2_000_000;

function decision(recommendation: unknown, children: React.ReactNode, locale: Locale = 'en') {
  return render(
    <DecisionProvider
      recommendation={recommendation}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={makePlan({ reveal: 'immediate', justification: 'none' })}
      clock={{ now: () => T0 }}
      locale={locale}
    >
      {children}
    </DecisionProvider>,
  );
}

const region = () => screen.getByRole('region', { name: /AI recommendation|KI-Empfehlung/ });

describe('bidi isolation of model text', () => {
  it('puts an RLO summary and option label in their own <bdi>, and our text around them reads as before', async () => {
    const rec = {
      ...housingBenefit,
      options: housingBenefit.options.map((o) =>
        o.id === 'approve' ? { ...o, labels: { en: `Approve${RLO}` } } : o,
      ),
      summary: `Income ${RLO}below the limit`,
      model: { id: `wohngeld${RLO}`, version: '2.3.0', name: `Wohngeld${RLO}KI` },
    };
    const { container } = decision(rec, <Recommendation />);
    await screen.findByText('Recommended:', { exact: false });
    const summary = container.querySelector('.dlb-recommendation__summary') as HTMLElement;
    const bdi = summary.querySelector('bdi') as HTMLElement;
    expect(bdi.textContent).toBe(`Income ${RLO}below the limit`);
    // Every RLO on the screen sits inside a <bdi>; no text of ours contains one.
    const withRlo = [...container.querySelectorAll('*')].filter((el) =>
      [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(RLO)),
    );
    expect(withRlo.length).toBeGreaterThanOrEqual(3);
    for (const el of withRlo) expect(el.tagName).toBe('BDI');
    // Our text around the model text is unchanged.
    expect(container.querySelector('.dlb-recommendation__option-label')).toHaveTextContent(/^Recommended:?$/);
    const model = container.querySelector('.dlb-recommendation__model dd') as HTMLElement;
    expect(
      [...model.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent),
    ).toEqual([' (', '), version ']);
    // The live region is a string: the override is removed there.
    expect(within(region()).getByRole('status').textContent).not.toContain(RLO);
  });

  it('shows the host of a link from the parsed URL, isolated, whatever the link text does', () => {
    const { container } = render(
      <SafeMarkdown>{`See [the law${RLO}](https://evil.example/path) and [x](https://bücher.example:8443/).`}</SafeMarkdown>,
    );
    const hosts = [...container.querySelectorAll('.dlb-external-link__host')];
    expect(hosts.map((host) => host.textContent)).toEqual(['(evil.example)', '(xn--bcher-kva.example:8443)']);
    for (const host of hosts) {
      expect(host.tagName).toBe('BDI');
      expect(host).toHaveAttribute('dir', 'ltr');
    }
    // The link text with the override is isolated on its own, before the host.
    const link = screen.getAllByRole('link')[0] as HTMLElement;
    expect(link.querySelector('bdi')?.textContent).toBe(`the law${RLO}`);
    expect(container.querySelector('p')).toHaveAttribute('dir', 'auto');
  });
});

describe('caps on model text', () => {
  it.each([
    ['en', 'Text shortened: 2,000 of 2,000,000 characters shown'],
    ['de', 'Text gekürzt: 2.000 von 2.000.000 Zeichen angezeigt'],
  ] as const)('renders a 2 MB summary capped, with a visible notice (%s)', async (locale, notice) => {
    const { container } = decision(
      { ...housingBenefit, summary: 'x'.repeat(TWO_MB) },
      <Recommendation />,
      locale,
    );
    const summary = await waitForElement(container, '.dlb-recommendation__summary');
    expect(summary.querySelector('bdi')?.textContent).toBe(`${'x'.repeat(2_000)}…`);
    expect(summary).toHaveTextContent(notice);
    expect((container.textContent ?? '').length).toBeLessThan(3_000);
  });

  it.each([
    ['en', 'Text shortened: 120 of 2,000,000 characters shown'],
    ['de', 'Text gekürzt: 120 von 2.000.000 Zeichen angezeigt'],
  ] as const)(
    'renders a 2 MB factor label capped everywhere it appears, with a notice (%s)',
    async (locale, notice) => {
      const label = 'L'.repeat(TWO_MB);
      const rec = {
        ...housingBenefit,
        explanation: {
          factors: {
            baseValue: 0.5,
            prediction: 0.82,
            items: [
              { id: 'income', label, contribution: 0.3 },
              { id: 'rent', label: 'Rent', contribution: -0.1 },
            ],
          },
        },
      };
      const { container } = decision(
        rec,
        <>
          <Recommendation />
          <ExplanationPanel defaultValue={['factors']} />
        </>,
        locale,
      );
      const panel = await waitForElement(container, '.dlb-explanation__panel[data-panel="factors"]');
      const capped = `${'L'.repeat(120)}…`;
      const html = panel.innerHTML;
      // In the words, in the chart and in its table: the capped label, never more of it.
      expect(html.split(capped).length - 1).toBeGreaterThanOrEqual(3);
      expect(html).not.toContain('L'.repeat(121));
      expect(panel).toHaveTextContent(notice);
      expect(container.innerHTML.length).toBeLessThan(100_000);
    },
  );

  it('caps markdown at its maxLength with the numbers in the notice (German without a provider)', () => {
    const { container } = render(<SafeMarkdown maxLength={500}>{'word '.repeat(100_000)}</SafeMarkdown>);
    expect((container.textContent ?? '').length).toBeLessThan(700);
    expect(container).toHaveTextContent(
      'Der Text wurde gekürzt, weil er zu lang ist: 499 von 500.000 Zeichen werden angezeigt.',
    );
  });
});

async function waitForElement(container: HTMLElement, selector: string): Promise<HTMLElement> {
  await screen.findAllByText(/./);
  const element = container.querySelector(selector);
  if (!element) throw new Error(`${selector} is not rendered`);
  return element as HTMLElement;
}
