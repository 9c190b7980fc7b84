import type { DecisionEventDraft, FrictionPlan, RecommendationInput } from '@deliberate/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, StrictMode, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DecisionProvider, useDecision } from '../decision/decision-provider.tsx';
import type { Locale } from '../messages/index.ts';
import { ExplanationPanel } from './explanation-panel.tsx';
import { useFlushExplanationViews } from './use-view-timing.ts';

/* -------------------------------------------------------------------------------------------------
 * Fixtures
 * -----------------------------------------------------------------------------------------------*/

const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);

const options = [
  { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' }, probability: 0.82 },
  { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' }, probability: 0.18 },
];

const explanation = {
  factors: {
    baseValue: 0.55,
    prediction: 0.82,
    scale: 'probability of approve',
    items: [
      { id: 'income', label: 'Household income', value: '1,840 €', contribution: 0.19 },
      { id: 'rent', label: 'Rent', value: '610 €', contribution: 0.11 },
      { id: 'assets', label: 'Savings', value: '12,000 €', contribution: -0.03 },
    ],
  },
  evidence: [
    {
      id: 'ev-1',
      stance: 'supports',
      quote: 'Monthly household income after allowances: 1,840 €.',
      source: { document: 'Proof of income', page: 12 },
    },
    {
      id: 'ev-2',
      stance: 'contradicts',
      quote: 'Savings account balance: 12,000 €.',
      source: { document: 'Bank statement', page: 19, url: 'https://files.example.org/case/19' },
    },
    {
      id: 'ev-3',
      stance: 'supports',
      quote: 'Housing benefit secures adequate housing.',
      source: {
        document: 'WoGG',
        paragraph: '§ 1 (1)',
        url: 'https://www.gesetze-im-internet.de/wogg/__1.html',
      },
    },
  ],
  counterfactuals: [
    {
      id: 'cf-1',
      changes: [{ feature: 'income', label: 'Household income', from: '1,840 €', to: '2,310 €' }],
      outcome: 'reject',
      actionableBy: 'applicant',
    },
    {
      id: 'cf-2',
      changes: [{ feature: 'lease', label: 'Lease on file', from: true, to: false }],
      outcome: 'reject',
      actionableBy: 'caseworker',
    },
    {
      id: 'cf-3',
      changes: [{ feature: 'members', label: 'Household members', from: 2, to: 1 }],
      outcome: 'reject',
      actionableBy: 'none',
    },
  ],
  similarCases: [
    {
      id: 'WG-1',
      similarity: 0.93,
      summary: 'Two people, income 1,790 €.',
      decision: 'approve',
      truth: 'approve',
    },
    {
      id: 'WG-2',
      similarity: 0.9,
      summary: 'Two people, savings 14,000 €.',
      decision: 'reject',
      truth: 'reject',
    },
  ],
  modelFacts: {
    intendedUse: 'Eligibility check for housing benefit.',
    limitations: ['Self-employed income is estimated.'],
    failureModes: ['Seasonal income is averaged.'],
    subgroups: [
      { name: 'Single', n: 1420, accuracy: 0.91 },
      { name: 'Self-employed', n: 22, accuracy: 0.68 },
    ],
    trainingDataDate: '2025-06-30',
    overallAccuracy: 0.88,
  },
} satisfies RecommendationInput['explanation'];

const recommendation = {
  kind: 'binary',
  options,
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0', name: 'Wohngeld model' },
  calibration: {
    calibrated: true,
    evaluatedAt: '2026-09-30',
    bins: [
      { lo: 0.5, hi: 0.7, n: 880, confidence: 0.61, accuracy: 0.58 },
      { lo: 0.7, hi: 0.9, n: 1510, confidence: 0.8, accuracy: 0.78 },
      { lo: 0.9, hi: 1, n: 1200, confidence: 0.94, accuracy: 0.93 },
    ],
  },
  detail:
    'The income is **below the limit**. See [§ 12 WoGG](https://www.gesetze-im-internet.de/wogg/__12.html).',
  explanation,
} satisfies RecommendationInput;

function plan(overrides: Partial<FrictionPlan> = {}): FrictionPlan {
  return {
    reveal: 'on-request',
    justification: 'none',
    minOwnTimeMs: 0,
    checklist: [],
    policyId: 'test',
    policyVersion: '1',
    rule: 'test',
    stakes: 'medium',
    band: 'high',
    arm: 'ai',
    audit: false,
    ...overrides,
  };
}

/** Stands in for the Recommendation component: reveals the AI on click. */
function Reveal() {
  const { dispatch } = useDecision();
  return (
    <button
      type="button"
      onClick={() =>
        dispatch({ type: 'reveal', requested: true, display: { format: 'percent', text: '82 %' } })
      }
    >
      Reveal
    </button>
  );
}

function Finalize() {
  const { dispatch } = useDecision();
  const flush = useFlushExplanationViews();
  return (
    <>
      <button type="button" onClick={() => dispatch({ type: 'finalize', final: { label: 'approve' } })}>
        Finalize without flush
      </button>
      <button
        type="button"
        onClick={() => {
          flush();
          dispatch({ type: 'finalize', final: { label: 'approve' } });
        }}
      >
        Finalize
      </button>
    </>
  );
}

interface SetupOptions {
  recommendation?: unknown;
  locale?: Locale;
  planOverrides?: Partial<FrictionPlan>;
  children?: ReactNode;
  revealed?: boolean;
  strict?: boolean;
}

function setup({
  recommendation: rec = recommendation,
  locale = 'en',
  planOverrides,
  children = <ExplanationPanel />,
  revealed = true,
  strict = false,
}: SetupOptions = {}) {
  const events: DecisionEventDraft[] = [];
  const clock = { t: T0, now: () => clock.t };
  const user = userEvent.setup();
  const tree = (
    <DecisionProvider
      recommendation={rec}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={plan(planOverrides)}
      clock={clock}
      locale={locale}
      onEvents={(batch) => events.push(...batch)}
    >
      <Reveal />
      <Finalize />
      {children}
    </DecisionProvider>
  );
  const view = render(strict ? <StrictMode>{tree}</StrictMode> : tree);
  const advance = (ms: number) => {
    clock.t += ms;
  };
  const viewed = () =>
    events
      .filter((event) => event.type === 'explanation.viewed')
      .map((event) => event.data as { panel: string; durationMs: number });
  const reveal = async () => {
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
  };
  return { ...view, events, user, advance, viewed, reveal, revealed };
}

async function revealed(options: SetupOptions = {}) {
  const s = setup(options);
  if (options.revealed !== false) await s.reveal();
  return s;
}

const explanationRegion = () => screen.getByRole('region', { name: 'Check the recommendation' });
const trigger = (name: RegExp) => within(explanationRegion()).getByRole('button', { name });

/* -------------------------------------------------------------------------------------------------
 * Tests
 * -----------------------------------------------------------------------------------------------*/

describe('ExplanationPanel', () => {
  describe('before the reveal', () => {
    it('shows no panel, only that the explanation comes after the reveal', () => {
      setup();
      const region = explanationRegion();
      expect(region).toHaveAttribute('data-state', 'unavailable');
      expect(region).toHaveAttribute('data-reason', 'before-reveal');
      expect(within(region).queryAllByRole('button')).toEqual([]);
      expect(region).toHaveTextContent('available once the recommendation is shown');
      expect(region).not.toHaveTextContent('Savings account');
    });

    it('renders on the server without panels and without touching window', () => {
      const html = renderToString(
        <DecisionProvider
          recommendation={recommendation}
          decisionId="d-ssr"
          procedure="p"
          caseRef="c"
          actor={{ id: 'a' }}
          plan={plan({ reveal: 'on-request' })}
          locale="de"
        >
          <ExplanationPanel />
        </DecisionProvider>,
      );
      expect(html).toContain('data-state="unavailable"');
      expect(html).toContain('Empfehlung überprüfen');
      expect(html).not.toContain('Kontoauszug');
    });

    it('says the explanation is not used in the no-AI comparison arm', () => {
      setup({ planOverrides: { arm: 'no-ai' } });
      expect(explanationRegion()).toHaveAttribute('data-reason', 'ai-unavailable');
      expect(within(explanationRegion()).queryAllByRole('button')).toEqual([]);
    });
  });

  describe('after the reveal', () => {
    it('lists every panel, evidence first, all collapsed', async () => {
      await revealed();
      const region = explanationRegion();
      expect(region).toHaveAttribute('data-state', 'available');
      const buttons = within(region).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual([
        expect.stringMatching(/^Evidence from the file and the law/),
        expect.stringMatching(/^What would change the recommendation/),
        expect.stringMatching(/^Similar cases/),
        expect.stringMatching(/^Factors in the model’s calculation/),
        expect.stringMatching(/^The AI system’s own text/),
        expect.stringMatching(/^About the AI system/),
      ]);
      for (const button of buttons) expect(button).toHaveAttribute('aria-expanded', 'false');
      expect(region.querySelector('.dlb-explanation__list')).toHaveAttribute('data-state', 'closed');
      expect(within(region).queryByRole('blockquote')).toBeNull();
    });

    it('names what is inside in each trigger', async () => {
      await revealed();
      expect(trigger(/Evidence/)).toHaveAccessibleName(
        'Evidence from the file and the law: 2 for, 1 against',
      );
      expect(trigger(/Similar cases/)).toHaveAccessibleName('Similar cases: 2 cases, 1 decided differently');
      expect(trigger(/Factors/)).toHaveAccessibleName('Factors in the model’s calculation: 3 factors');
    });

    it('opens with Enter and Space, and moves between triggers with the arrow keys', async () => {
      const { user } = await revealed();
      const evidence = trigger(/Evidence/);
      evidence.focus();
      await user.keyboard('{Enter}');
      expect(evidence).toHaveAttribute('aria-expanded', 'true');
      expect(evidence.closest('[data-panel]')).toHaveAttribute('data-state', 'open');
      expect(explanationRegion().querySelector('.dlb-explanation__list')).toHaveAttribute(
        'data-state',
        'open',
      );
      await user.keyboard('{ArrowDown}');
      expect(trigger(/What would change/)).toHaveFocus();
      await user.keyboard(' ');
      expect(trigger(/What would change/)).toHaveAttribute('aria-expanded', 'true');
      await user.keyboard('{End}');
      expect(trigger(/About the AI system/)).toHaveFocus();
      await user.keyboard('{Home}');
      expect(evidence).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(evidence).toHaveAttribute('aria-expanded', 'false');
    });
  });

  describe('panels', () => {
    it('evidence: both stances, same structure, labelled in words, with sources and safe links', async () => {
      const { user } = await revealed();
      await user.click(trigger(/Evidence/));
      const panel = screen.getByRole('region', { name: /Evidence from the file/ });
      const forList = within(panel).getByRole('list', { name: 'Speaks for the recommendation (2)' });
      const againstList = within(panel).getByRole('list', { name: 'Speaks against the recommendation (1)' });
      expect(within(forList).getAllByRole('listitem')).toHaveLength(2);
      expect(within(againstList).getAllByRole('listitem')).toHaveLength(1);
      // Equal weight: the same element structure and classes on both sides.
      const shape = (item: HTMLElement) =>
        [...item.querySelectorAll('*')]
          .map((el) => `${el.tagName}.${el.className}`)
          .slice(0, 4)
          .join('>');
      expect(shape(within(forList).getAllByRole('listitem')[0]!)).toBe(
        shape(within(againstList).getAllByRole('listitem')[0]!),
      );
      expect(againstList).toHaveTextContent('Speaks against');
      expect(againstList).toHaveTextContent('Savings account balance: 12,000 €.');
      expect(againstList).toHaveTextContent('Source: Bank statement, p. 19');
      const link = within(againstList).getByRole('link', { name: /Open source/ });
      expect(link).toHaveAttribute('href', 'https://files.example.org/case/19');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAccessibleName(/external link, opens in a new tab/);
      expect(forList).toHaveTextContent('Source: WoGG, § 1 (1)');
    });

    it('evidence: says so when nothing speaks against the recommendation', async () => {
      const { user } = await revealed({
        recommendation: {
          ...recommendation,
          explanation: { evidence: explanation.evidence.filter((e) => e.stance === 'supports') },
        },
      });
      await user.click(trigger(/Evidence/));
      const panel = screen.getByRole('region', { name: /Evidence/ });
      expect(
        within(panel).getByRole('heading', { name: 'Speaks against the recommendation (0)' }),
      ).toBeInTheDocument();
      expect(panel).toHaveTextContent('quoted nothing that speaks against the recommendation');
    });

    it('counterfactuals: the changes, the outcome and who could act on each', async () => {
      const { user } = await revealed();
      await user.click(trigger(/What would change/));
      const panel = screen.getByRole('region', { name: /What would change/ });
      expect(panel).toHaveTextContent('Household income: from 1,840 € to 2,310 €');
      expect(panel).toHaveTextContent('The AI would then recommend: Reject');
      expect(panel).toHaveTextContent('Who could change this: the applicant');
      expect(panel).toHaveTextContent('Who could change this: you, the caseworker');
      expect(panel).toHaveTextContent('Who could change this: nobody (it cannot be changed)');
      expect(panel).toHaveTextContent('Lease on file: from yes to no');
    });

    it('similar cases: includes the one decided the other way, with decision and ground truth', async () => {
      const { user } = await revealed();
      await user.click(trigger(/Similar cases/));
      const table = screen.getByRole('table', { name: 'Similar cases, most similar first' });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows).toHaveLength(2);
      const other = within(table).getByRole('rowheader', { name: 'WG-2' }).closest('tr')!;
      expect(other).toHaveAttribute('data-agreement', 'other');
      expect(other).toHaveTextContent('decided differently');
      expect(other).toHaveTextContent('Reject');
      expect(other).toHaveTextContent('90%');
      const same = within(table).getByRole('rowheader', { name: 'WG-1' }).closest('tr')!;
      expect(same).toHaveTextContent('decided the same way');
      expect(screen.getByRole('region', { name: /Similar cases/ })).toHaveTextContent(
        '1 decided as recommended here, 1 decided differently',
      );
    });

    it('similar cases: warns when none went the other way', async () => {
      const { user } = await revealed({
        recommendation: { ...recommendation, explanation: { similarCases: [explanation.similarCases[0]] } },
      });
      await user.click(trigger(/Similar cases/));
      expect(screen.getByRole('region', { name: /Similar cases/ })).toHaveTextContent(
        'cases that went the other way may be missing',
      );
    });

    it('factors: in plain words, with the chart and its table twin', async () => {
      const { user } = await revealed();
      await user.click(trigger(/Factors/));
      const panel = screen.getByRole('region', { name: /Factors/ });
      expect(panel).toHaveTextContent('Lowered the AI’s score most: Savings (−0.03).');
      expect(panel).toHaveTextContent('Raised it most: Household income (+0.19), Rent (+0.11).');
      expect(panel).toHaveTextContent('The AI’s score: probability of approve.');
      expect(within(panel).getByRole('figure', { name: /Contribution of each factor/ })).toBeInTheDocument();
      const table = within(panel).getByRole('table', { name: /Contribution of each factor/ });
      expect(within(table).getByRole('rowheader', { name: 'Household income' })).toBeInTheDocument();
    });

    it('factors: all-zero contributions say that nothing changed the score', async () => {
      const zero = {
        baseValue: 0.8,
        prediction: 0.8,
        items: [
          { id: 'a', label: 'A', contribution: 0 },
          { id: 'b', label: 'B', contribution: 0 },
        ],
      };
      const { user } = await revealed({
        recommendation: { ...recommendation, explanation: { factors: zero } },
      });
      await user.click(trigger(/Factors/));
      expect(screen.getByRole('region', { name: /Factors/ })).toHaveTextContent(
        'None of the factors changed the AI’s score',
      );
    });

    it('model facts: identity, limits, subgroup table and reliability diagram', async () => {
      const { user } = await revealed();
      await user.click(trigger(/About the AI system/));
      const panel = screen.getByRole('region', { name: /About the AI system/ });
      expect(panel).toHaveTextContent('Wohngeld model (wohngeld-eligibility), version 2.3.0');
      expect(panel).toHaveTextContent('30 Jun 2025');
      expect(panel).toHaveTextContent('Self-employed income is estimated.');
      expect(panel).toHaveTextContent('Seasonal income is averaged.');
      const subgroups = within(panel).getByRole('table', { name: 'Accuracy by group in testing' });
      const selfEmployed = within(subgroups).getByRole('rowheader', { name: 'Self-employed' }).closest('tr')!;
      expect(selfEmployed).toHaveTextContent('68%');
      expect(selfEmployed).toHaveTextContent('few cases, uncertain');
      expect(within(panel).getByRole('figure', { name: /Reliability diagram/ })).toBeInTheDocument();
    });

    it('detail: the AI system’s markdown, rendered safely with its link', async () => {
      const { user } = await revealed();
      await user.click(trigger(/own text/));
      const panel = screen.getByRole('region', { name: /own text/ });
      expect(panel.querySelector('strong')).toHaveTextContent('below the limit');
      expect(within(panel).getByRole('link', { name: /§ 12 WoGG/ })).toHaveAttribute(
        'href',
        'https://www.gesetze-im-internet.de/wogg/__12.html',
      );
    });

    it('speaks German', async () => {
      const { user } = await revealed({ locale: 'de' });
      const region = screen.getByRole('region', { name: 'Empfehlung überprüfen' });
      await user.click(within(region).getByRole('button', { name: /Belege aus Akte und Recht/ }));
      const panel = screen.getByRole('region', { name: /Belege/ });
      expect(
        within(panel).getByRole('list', { name: 'Spricht gegen die Empfehlung (1)' }),
      ).toBeInTheDocument();
      expect(panel).toHaveTextContent('Quelle: Bank statement, S. 19');
      await user.click(within(region).getByRole('button', { name: /Über das KI-System/ }));
      expect(screen.getByRole('region', { name: /Über das KI-System/ })).toHaveTextContent('91 %');
    });
  });

  describe('explanation.viewed', () => {
    it('logs each opening with its panel and how long it stayed open, when it closes', async () => {
      const { user, advance, viewed } = await revealed();
      await user.click(trigger(/Evidence/));
      advance(4_000);
      expect(viewed()).toEqual([]);
      await user.click(trigger(/What would change/));
      advance(1_500);
      await user.click(trigger(/Evidence/));
      expect(viewed()).toEqual([{ panel: 'evidence', durationMs: 5_500 }]);
      advance(500);
      await user.click(trigger(/What would change/));
      expect(viewed()).toEqual([
        { panel: 'evidence', durationMs: 5_500 },
        { panel: 'counterfactuals', durationMs: 2_000 },
      ]);
      // A second opening is a second event.
      await user.click(trigger(/Evidence/));
      advance(700);
      await user.click(trigger(/Evidence/));
      expect(viewed().at(-1)).toEqual({ panel: 'evidence', durationMs: 700 });
    });

    it('uses the panel names of the event contract', async () => {
      const { user, viewed } = await revealed();
      for (const name of [
        /Evidence/,
        /What would change/,
        /Similar cases/,
        /Factors/,
        /own text/,
        /About the AI/,
      ]) {
        await user.click(trigger(name));
        await user.click(trigger(name));
      }
      expect(viewed().map((v) => v.panel)).toEqual([
        'evidence',
        'counterfactuals',
        'similar-cases',
        'factors',
        'detail',
        'model',
      ]);
    });

    it('logs an open panel when the component unmounts', async () => {
      const { user, advance, viewed, rerender } = await revealed();
      await user.click(trigger(/Similar cases/));
      advance(3_000);
      rerender(<div />);
      await act(async () => {});
      expect(viewed()).toEqual([{ panel: 'similar-cases', durationMs: 3_000 }]);
    });

    it('ends the opening when the page is hidden and starts a new one when it is shown again', async () => {
      const { user, advance, viewed } = await revealed();
      await user.click(trigger(/Evidence/));
      advance(2_000);
      const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(viewed()).toEqual([{ panel: 'evidence', durationMs: 2_000 }]);
      advance(60_000); // time in another tab is not viewing time
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
      advance(1_000);
      await user.click(trigger(/Evidence/));
      expect(viewed()).toEqual([
        { panel: 'evidence', durationMs: 2_000 },
        { panel: 'evidence', durationMs: 1_000 },
      ]);
      // Restore jsdom's own getter.
      delete (document as { visibilityState?: unknown }).visibilityState;
      if (visibility) expect(document.visibilityState).toBe('visible');
    });

    it('reports open panels before finalizing when the host flushes, and nothing after', async () => {
      const { user, advance, viewed, events } = await revealed();
      await user.click(trigger(/Evidence/));
      advance(2_500);
      await user.click(screen.getByRole('button', { name: 'Finalize' }));
      expect(viewed()).toEqual([{ panel: 'evidence', durationMs: 2_500 }]);
      expect(events.at(-1)?.type).toBe('decision.finalized');
      advance(1_000);
      await user.click(trigger(/Evidence/));
      expect(viewed()).toHaveLength(1);
    });

    it('logs nothing extra in StrictMode', async () => {
      const { user, advance, viewed } = await revealed({
        strict: true,
        children: <ExplanationPanel defaultValue={['evidence']} />,
      });
      advance(1_200);
      await user.click(trigger(/Evidence/));
      expect(viewed()).toEqual([{ panel: 'evidence', durationMs: 1_200 }]);
    });

    it('does not time panels before the reveal', async () => {
      const { viewed, advance, reveal, user } = setup({
        children: <ExplanationPanel defaultValue={['evidence']} />,
      });
      advance(10_000);
      await reveal();
      advance(400);
      await user.click(trigger(/Evidence/));
      expect(viewed()).toEqual([{ panel: 'evidence', durationMs: 400 }]);
    });

    it('works controlled', async () => {
      const { rerender, advance, viewed, events } = await revealed({
        children: <ExplanationPanel value={['model']} />,
      });
      advance(900);
      const provider = (children: ReactNode) => (
        <DecisionProvider
          recommendation={recommendation}
          decisionId="d-1"
          procedure="housing-benefit.eligibility"
          caseRef="case-1"
          actor={{ id: 'a-1', role: 'caseworker' }}
          plan={plan()}
          locale="en"
          onEvents={(batch) => events.push(...batch)}
        >
          <Reveal />
          <Finalize />
          {children}
        </DecisionProvider>
      );
      // Same provider instance (same position): only the child's value changes.
      rerender(provider(<ExplanationPanel value={[]} />));
      expect(viewed()).toEqual([{ panel: 'model', durationMs: 900 }]);
    });
  });

  describe('untrusted payloads', () => {
    const hostile = {
      ...recommendation,
      detail: [
        '<script>window.__pwned = true</script>',
        '<img src="x" onerror="window.__pwned = true">',
        '[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) <a href="data:text/html,x">raw</a>',
        '[creds](https://bank.example@evil.example/) [rel](/relative) [proto](//evil.example)',
        '![tracker](https://tracker.example/p.gif)',
        '# AI heading',
      ].join('\n\n'),
      explanation: {
        evidence: [
          {
            id: 'ev-x',
            stance: 'supports',
            quote: '<script>window.__pwned = true</script>Income 1,840 €',
            source: { document: '<b>File</b>', url: 'javascript:alert(1)' },
          },
          {
            id: 'ev-y',
            stance: 'contradicts',
            quote: '<img src=x onerror="window.__pwned = true">',
            source: { document: 'Bank', url: 'data:text/html,<script>alert(1)</script>' },
          },
        ],
        similarCases: [
          {
            id: 'WG-<i>1</i>',
            similarity: 0.9,
            summary: '[x](javascript:alert(1)) <svg onload="window.__pwned=true"></svg>',
            decision: 'reject',
          },
        ],
      },
    } satisfies RecommendationInput;

    it('renders scripts, images, handlers and javascript:/data: links inert', async () => {
      const { user, container } = await revealed({ recommendation: hostile });
      await user.click(trigger(/Evidence/));
      await user.click(trigger(/Similar cases/));
      await user.click(trigger(/own text/));
      expect(container.querySelectorAll('script, img, svg[onload], iframe, object, embed')).toHaveLength(0);
      for (const element of container.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
      }
      const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
      expect(hrefs.some((href) => /evil|javascript|data:/i.test(href))).toBe(false);
      expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
      // The text stays visible as text, and removed links and images say so.
      const detail = screen.getByRole('region', { name: /own text/ });
      expect(detail).toHaveTextContent('<script>window.__pwned = true</script>');
      expect(detail).toHaveTextContent('click (link removed: not a web address)');
      expect(detail).toHaveTextContent('Image not shown: tracker');
      // Headings are demoted below the panel's own heading (h4 trigger → h5 inside).
      expect(within(detail).getByRole('heading', { name: 'AI heading' }).tagName).toBe('H5');
      const evidence = screen.getByRole('region', { name: /Evidence/ });
      expect(evidence).toHaveTextContent('<script>window.__pwned = true</script>Income 1,840 €');
      expect(evidence).toHaveTextContent('Source: <b>File</b>');
      expect(within(evidence).queryAllByRole('link')).toEqual([]);
    });
  });

  describe('malformed payloads', () => {
    const malformed: unknown = {
      evidence: [
        explanation.evidence[0],
        { id: 'ev-broken', stance: 'contradicts', quote: 'Lease ends 30 Sep.' },
        explanation.evidence[1],
      ],
      counterfactuals: 'income +470 €',
      similarCases: [explanation.similarCases[0], { id: 'WG-x', similarity: 1.4 }],
      factors: { items: explanation.factors.items },
    };

    it('shows what is missing in each panel and keeps the rest working', async () => {
      const { user, advance, viewed } = await revealed({
        children: <ExplanationPanel explanation={malformed} />,
      });
      const region = explanationRegion();
      expect(region).toHaveAttribute('data-state', 'invalid');
      expect(trigger(/Evidence/)).toHaveAccessibleName(/incomplete/);

      await user.click(trigger(/Evidence/));
      const evidence = screen.getByRole('region', { name: /Evidence/ });
      expect(evidence).toHaveTextContent('This explanation is incomplete: some entries could not be read');
      expect(evidence).toHaveTextContent('evidence[1].source: missing');
      expect(evidence).toHaveTextContent('Savings account balance');

      await user.click(trigger(/What would change/));
      const counterfactuals = screen.getByRole('region', { name: /What would change/ });
      expect(counterfactuals).toHaveTextContent('none of its entries could be read');
      expect(counterfactuals).toHaveTextContent('counterfactuals: wrong kind of value');

      await user.click(trigger(/Similar cases/));
      expect(screen.getByRole('region', { name: /Similar cases/ })).toHaveTextContent(
        'similarCases[1].similarity: number out of range',
      );

      await user.click(trigger(/Factors/));
      expect(screen.getByRole('region', { name: /Factors/ })).toHaveTextContent('factors.baseValue: missing');

      // The model panel (from the recommendation) is unaffected.
      await user.click(trigger(/About the AI system/));
      expect(screen.getByRole('region', { name: /About the AI system/ })).toHaveTextContent('version 2.3.0');

      advance(100);
      await user.click(trigger(/Evidence/));
      expect(viewed().at(-1)).toEqual({ panel: 'evidence', durationMs: 100 });
    });

    /** What `useDecision` says about the input, as text. */
    function Spy() {
      const { recommendation: rec, issues, explanationIssues } = useDecision();
      const summary = {
        confidence: rec?.confidence ?? null,
        hasExplanation: rec?.explanation !== undefined,
        issues: issues.map((issue) => issue.path.join('.')),
        explanationIssues: explanationIssues.map((issue) => issue.path.join('.')),
      };
      return <output data-testid="decision">{JSON.stringify(summary)}</output>;
    }
    const seen = () =>
      JSON.parse(screen.getByTestId('decision').textContent ?? '{}') as {
        confidence: number | null;
        hasExplanation: boolean;
        issues: string[];
        explanationIssues: string[];
      };

    it('keeps the advice when only the recommendation’s own explanation is broken', async () => {
      const { events, user } = await revealed({
        recommendation: { ...recommendation, explanation: malformed },
        children: (
          <>
            <Spy />
            <ExplanationPanel />
          </>
        ),
      });
      // The recommendation itself is valid, so it is used, and nothing is logged as invalid.
      expect(seen()).toMatchObject({ confidence: 0.82, hasExplanation: false, issues: [] });
      expect(seen().explanationIssues).toContain('explanation.evidence.1.source');
      expect(events.map((event) => event.type)).not.toContain('recommendation.invalid');
      expect(events.map((event) => event.type)).toContain('recommendation.revealed');

      // The panel reads what it can from the payload as received and names what is missing.
      expect(explanationRegion()).toHaveAttribute('data-state', 'invalid');
      await user.click(trigger(/Evidence/));
      const evidence = screen.getByRole('region', { name: /Evidence/ });
      expect(evidence).toHaveTextContent('evidence[1].source: missing');
      expect(evidence).toHaveTextContent('Savings account balance');
    });

    it('still rejects the whole recommendation when more than its explanation is broken', () => {
      const { events } = setup({
        recommendation: { ...recommendation, recommended: 'maybe', explanation: malformed },
        children: <Spy />,
      });
      expect(seen().confidence).toBeNull();
      expect(seen().issues).toContain('recommended');
      expect(seen().issues).toContain('explanation.evidence.1.source');
      expect(events.map((event) => event.type)).toContain('recommendation.invalid');
    });

    it('says so when the explanation is not an object at all', async () => {
      await revealed({ children: <ExplanationPanel explanation="<script>alert(1)</script>" /> });
      const region = explanationRegion();
      expect(region).toHaveAttribute('data-state', 'invalid');
      expect(region).toHaveTextContent('cannot be read, so none of it is shown');
    });

    it('survives getters that throw', async () => {
      const hostile = {
        get evidence(): unknown {
          throw new Error('boom');
        },
        similarCases: [explanation.similarCases[1]],
      };
      await revealed({ children: <ExplanationPanel explanation={hostile} /> });
      expect(trigger(/Evidence/)).toHaveAccessibleName(/incomplete/);
      expect(trigger(/Similar cases/)).toHaveAccessibleName('Similar cases: 1 case, 1 decided differently');
    });

    it('names the panels the AI system did not provide', async () => {
      await revealed({
        recommendation: {
          ...recommendation,
          detail: undefined,
          explanation: { evidence: explanation.evidence },
        },
      });
      expect(explanationRegion()).toHaveTextContent(
        'Not provided by this AI system: What would change the recommendation, Similar cases, Factors in the model’s calculation, and The AI system’s own text.',
      );
    });

    it('says when there is no explanation at all', async () => {
      const { model: _model, calibration: _calibration, detail: _detail, ...bare } = recommendation;
      await revealed({ recommendation: { ...bare, explanation: {} } });
      expect(explanationRegion()).toHaveAttribute('data-reason', 'not-provided');
      expect(explanationRegion()).toHaveTextContent('provided no explanation');
    });
  });

  describe('safeguard manifest', () => {
    it('registers each listed panel as opened on demand', async () => {
      await revealed({ children: <ExplanationPanel defaultValue={['model']} /> });
      const manifest = () =>
        (window as { __deliberateSafeguards?: Record<string, { components: Record<string, unknown[]> }> })
          .__deliberateSafeguards?.['d-1']?.components['explanation.panel'];
      await waitFor(() => expect(manifest()).toHaveLength(6));
      expect(manifest()).toContainEqual({ panel: 'evidence', openedOnDemand: true });
      expect(manifest()).toContainEqual({ panel: 'model', openedOnDemand: false });
    });
  });

  describe('parts', () => {
    it('throws a named error outside the Root', () => {
      const error = console.error;
      console.error = () => {};
      try {
        expect(() =>
          render(
            <DecisionProvider
              recommendation={recommendation}
              decisionId="d"
              procedure="p"
              caseRef="c"
              actor={{ id: 'a' }}
              plan={plan()}
            >
              <ExplanationPanel.List />
            </DecisionProvider>,
          ),
        ).toThrow('`ExplanationPanel.List` must be used within `ExplanationPanel.Root`.');
      } finally {
        console.error = error;
      }
    });

    it('composes: a custom order and custom trigger text', async () => {
      const { user } = await revealed({
        children: (
          <ExplanationPanel.Root headingLevel={2}>
            <ExplanationPanel.List>
              <ExplanationPanel.Item value="similar-cases">
                <ExplanationPanel.Trigger>Past cases</ExplanationPanel.Trigger>
                <ExplanationPanel.Content />
              </ExplanationPanel.Item>
              <ExplanationPanel.Item value="evidence" />
            </ExplanationPanel.List>
          </ExplanationPanel.Root>
        ),
      });
      const buttons = within(explanationRegion()).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual(['Past cases', expect.stringMatching(/^Evidence/)]);
      expect(screen.getByRole('heading', { level: 3, name: 'Past cases' })).toBeInTheDocument();
      await user.click(buttons[0]!);
      expect(screen.getByRole('table', { name: /Similar cases/ })).toBeInTheDocument();
    });

    it('forward their refs and take the host’s attributes, keeping their own name and state', async () => {
      const root = createRef<HTMLElement>();
      const notProvided = createRef<HTMLParagraphElement>();
      await revealed({
        recommendation: { ...recommendation, explanation: { factors: explanation.factors } },
        children: (
          <>
            <p id="case-name">Case 17</p>
            <ExplanationPanel.Root ref={root} aria-labelledby="case-name" className="host" data-testid="x">
              <ExplanationPanel.List />
              <ExplanationPanel.NotProvided ref={notProvided} id="missing" className="host-note" />
            </ExplanationPanel.Root>
          </>
        ),
      });
      const region = screen.getByRole('region', { name: 'Case 17 Check the recommendation' });
      expect(root.current).toBe(region);
      expect(region).toHaveClass('dlb-explanation', 'host');
      expect(region).toHaveAttribute('data-state', 'available');
      expect(notProvided.current).toHaveAttribute('id', 'missing');
      expect(notProvided.current).toHaveClass('dlb-explanation__not-provided', 'host-note');
      expect(notProvided.current).toHaveTextContent(/Not provided by this AI system: .*evidence/i);
    });
  });
});
