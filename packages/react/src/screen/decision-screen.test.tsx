import { defaultPolicy, type DecisionEventDraft, type FrictionPlan } from '@deliberate/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DecisionProvider, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { DecisionScreen, LoggingAlert } from './decision-screen.tsx';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');

const housingBenefit = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' }, probability: 0.82 },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' }, probability: 0.18 },
  ],
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0' },
  calibration: { calibrated: true },
};

function plan(overrides: Partial<FrictionPlan>): FrictionPlan {
  return {
    policyId: 'test',
    policyVersion: '1',
    rule: 'fixed',
    stakes: 'medium',
    band: 'medium',
    arm: 'ai',
    audit: false,
    reveal: 'immediate',
    justification: 'override',
    minOwnTimeMs: 0,
    checklist: [],
    ...overrides,
  };
}

function setup(props: Partial<DecisionProviderProps> = {}) {
  const events: DecisionEventDraft[] = [];
  let now = T0;
  const clock = { now: () => now };
  const user = userEvent.setup();
  const view = render(
    <DecisionProvider
      recommendation={housingBenefit}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      locale="en"
      clock={clock}
      onEvents={(batch) => events.push(...batch)}
      {...props}
    >
      <DecisionScreen />
    </DecisionProvider>,
  );
  return { ...view, events, user, advance: (ms: number) => (now += ms) };
}

const types = (events: DecisionEventDraft[]) => events.map((event) => event.type);
const root = () => screen.getByRole('region', { name: 'Decision about case case-1' });

describe('DecisionScreen', () => {
  describe('judge first (the default policy at high stakes)', () => {
    it('hides the AI until the judgement is recorded, then reveals it politely without moving focus', async () => {
      const { user, events, advance } = setup({ stakes: 'high' });
      expect(root()).toHaveAttribute('data-reveal', 'after-judgement');
      expect(screen.queryByText(/82|85/)).not.toBeInTheDocument();

      await user.click(screen.getByRole('radio', { name: 'Reject' }));
      for (const box of screen.getAllByRole('checkbox')) await user.click(box);
      advance(25_000);
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      const focusAfterCommit = document.activeElement;

      const status = await screen.findByText(/AI recommendation.*Approve|Approve.*AI recommendation/i, {
        selector: '[role="status"] *, [role="status"]',
      });
      expect(status).toBeInTheDocument();
      expect(document.activeElement).toBe(focusAfterCommit);
      expect(types(events)).toEqual(['decision.opened', 'judgement.committed', 'recommendation.revealed']);
      expect(events[2]?.data).toMatchObject({
        requested: false,
        recommendation: { label: 'approve', confidence: 0.82 },
      });
    });

    it('requires a reason even for accepting, and logs the whole decision in order', async () => {
      const { user, events, advance } = setup({ stakes: 'high' });
      await user.click(screen.getByRole('radio', { name: 'Approve' }));
      for (const box of screen.getAllByRole('checkbox')) await user.click(box);
      advance(25_000);
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      await screen.findByText(/You and the AI agree/);

      const accept = screen.getByRole('button', { name: 'Accept the recommendation: Approve' });
      await user.click(accept);
      expect(types(events)).not.toContain('decision.finalized');

      await user.click(screen.getByRole('checkbox', { name: 'Checked against the case file' }));
      await user.click(accept);
      await screen.findByText(/Final decision recorded: Approve/);
      expect(types(events)).toEqual([
        'decision.opened',
        'judgement.committed',
        'recommendation.revealed',
        'decision.finalized',
      ]);
      expect(events[3]?.data).toMatchObject({
        outcome: 'accepted',
        final: { label: 'approve' },
        reasons: [{ code: 'verified-in-case-file' }],
        judgement: { label: 'approve' },
        recommendation: { label: 'approve', confidence: 0.82 },
      });
      expect(root()).toHaveAttribute('data-state', 'finalized');
    });
  });

  describe('immediate reveal (low stakes, confident and calibrated)', () => {
    it('shows the recommendation at once and needs no judgement step', async () => {
      const { events } = setup({ plan: plan({ reveal: 'immediate' }) });
      expect(screen.queryByRole('button', { name: 'Record my assessment' })).not.toBeInTheDocument();
      await waitFor(() => expect(types(events)).toEqual(['decision.opened', 'recommendation.revealed']));
      expect(events[1]?.data).toMatchObject({ requested: false });
    });
  });

  describe('on request', () => {
    it('offers the judgement first and shows the AI only when asked', async () => {
      const { user, events } = setup({ plan: plan({ reveal: 'on-request' }) });
      expect(screen.getByRole('button', { name: 'Record my assessment' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Show AI recommendation' }));
      await waitFor(() => expect(types(events)).toContain('recommendation.revealed'));
      expect(events.find((e) => e.type === 'recommendation.revealed')?.data).toMatchObject({
        requested: true,
      });
    });
  });

  describe('oversight', () => {
    it('offers one "decide without AI" control, in the oversight group', () => {
      setup({ plan: plan({ reveal: 'on-request' }) });
      expect(screen.getAllByRole('button', { name: /decide without (the )?AI/i })).toHaveLength(1);
    });

    it('lets the person stop the AI with a reason, and logs it', async () => {
      const { user, events } = setup({ plan: plan({ reveal: 'on-request' }) });
      await user.click(screen.getByRole('button', { name: 'Stop the AI for this procedure' }));
      const dialog = await screen.findByRole('alertdialog');
      await user.type(within(dialog).getByRole('textbox'), 'Recommendations contradict the files');
      await user.click(within(dialog).getByRole('button', { name: 'Stop the AI' }));
      await waitFor(() => expect(types(events)).toContain('ai.stopped'));
      expect(events.find((e) => e.type === 'ai.stopped')?.data).toEqual({
        scope: 'procedure',
        reason: 'Recommendations contradict the files',
      });
      expect(root()).toHaveAttribute('data-state', 'ai-stopped');
    });
  });

  describe('invalid recommendation', () => {
    it('names the problems, shows no number, and lets the person decide without AI', async () => {
      const { events } = setup({
        plan: plan({ reveal: 'immediate' }),
        recommendation: { ...housingBenefit, recommended: 'grant', confidence: Number.NaN },
      });
      expect(
        screen.getByRole('heading', { name: 'The AI recommendation cannot be shown' }),
      ).toBeInTheDocument();
      expect(root().textContent).not.toMatch(/\d+\s?%/);
      expect(root()).toHaveAttribute('data-state', 'without-ai');
      await waitFor(() => expect(types(events)).toEqual(['decision.opened', 'recommendation.invalid']));
    });
  });

  describe('logging', () => {
    it('shows a blocking warning when events cannot be recorded', async () => {
      setup({ plan: plan({}), logger: { log: vi.fn(async () => Promise.reject(new Error('outbox full'))) } });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Your steps could not be recorded');
      expect(alert).toHaveTextContent('outbox full');
    });
  });

  describe('explanations', () => {
    const explained = {
      ...housingBenefit,
      explanation: {
        factors: {
          baseValue: 0.5,
          prediction: 0.82,
          items: [{ id: 'income', label: 'Income', contribution: 0.32 }],
        },
      },
    };
    const explanationRegion = () => screen.queryByRole('region', { name: 'Check the recommendation' });

    it('shows the explanation by default once the AI is revealed, every panel closed', async () => {
      const { user, advance } = setup({ recommendation: explained, stakes: 'high' });
      expect(explanationRegion()).not.toBeInTheDocument();

      await user.click(screen.getByRole('radio', { name: 'Approve' }));
      for (const box of screen.getAllByRole('checkbox')) await user.click(box);
      advance(25_000);
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));

      const region = await screen.findByRole('region', { name: 'Check the recommendation' });
      // One level below the screen's sections (h3): the panel's own heading and its triggers.
      expect(
        within(region).getByRole('heading', { level: 3, name: 'Check the recommendation' }),
      ).toBeVisible();
      const factors = within(region).getByRole('button', { name: /Factors in the model’s calculation/ });
      expect(factors).toHaveAttribute('aria-expanded', 'false');
      expect(
        within(region).getByRole('heading', { level: 4, name: /Factors in the model’s calculation/ }),
      ).toBeVisible();
    });

    it('logs the viewing time of a panel still open when the person finalizes, before the decision', async () => {
      const { user, events, advance } = setup({
        recommendation: explained,
        plan: plan({ reveal: 'immediate', justification: 'none' }),
      });
      await user.click(await screen.findByRole('button', { name: /Factors in the model’s calculation/ }));
      advance(7_000);
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      await screen.findByText(/Final decision recorded: Approve/);
      expect(types(events)).toEqual([
        'decision.opened',
        'recommendation.revealed',
        'explanation.viewed',
        'decision.finalized',
      ]);
      expect(events[2]?.data).toEqual({ panel: 'factors', durationMs: 7_000 });
    });

    it('shows the AI system’s own text (a CDS Hooks card’s detail) as an explanation too', async () => {
      const { user } = setup({
        recommendation: { ...housingBenefit, detail: 'Income is **below** the limit.' },
        plan: plan({ reveal: 'immediate' }),
      });
      const region = await screen.findByRole('region', { name: 'Check the recommendation' });
      await user.click(within(region).getByRole('button', { name: /own text/i }));
      expect(within(region).getByText('below')).toBeVisible();
    });

    it('shows none when the recommendation carries no explanation', async () => {
      const { events } = setup({ plan: plan({ reveal: 'immediate' }) });
      await waitFor(() => expect(types(events)).toContain('recommendation.revealed'));
      expect(explanationRegion()).not.toBeInTheDocument();
    });

    it('shows none when the host opts out with explanation={null}', async () => {
      const events: DecisionEventDraft[] = [];
      render(
        <DecisionProvider
          recommendation={explained}
          decisionId="d-1"
          procedure="housing-benefit.eligibility"
          caseRef="case-1"
          actor={{ id: 'a-1' }}
          locale="en"
          plan={plan({ reveal: 'immediate' })}
          onEvents={(batch) => events.push(...batch)}
        >
          <DecisionScreen explanation={null} />
        </DecisionProvider>,
      );
      await waitFor(() => expect(types(events)).toContain('recommendation.revealed'));
      expect(explanationRegion()).not.toBeInTheDocument();
    });

    it('shows the host’s own node instead, and passes explanationProps to the default panel', async () => {
      const { rerender } = render(
        <DecisionProvider
          recommendation={explained}
          decisionId="d-1"
          procedure="housing-benefit.eligibility"
          caseRef="case-1"
          actor={{ id: 'a-1' }}
          locale="en"
          plan={plan({ reveal: 'immediate' })}
        >
          <DecisionScreen explanation={<p>Our own explanation</p>} />
        </DecisionProvider>,
      );
      expect(await screen.findByText('Our own explanation')).toBeVisible();
      expect(explanationRegion()).not.toBeInTheDocument();

      rerender(
        <DecisionProvider
          recommendation={explained}
          decisionId="d-1"
          procedure="housing-benefit.eligibility"
          caseRef="case-1"
          actor={{ id: 'a-1' }}
          locale="en"
          plan={plan({ reveal: 'immediate' })}
        >
          <DecisionScreen explanationProps={{ showTables: true, className: 'host-explanation' }} />
        </DecisionProvider>,
      );
      const region = await screen.findByRole('region', { name: 'Check the recommendation' });
      expect(region).toHaveClass('dlb-explanation', 'host-explanation');
      expect(screen.queryByText('Our own explanation')).not.toBeInTheDocument();
    });
  });

  it('takes a ref and the host’s attributes on the screen and on the logging alert', async () => {
    const screenRef = createRef<HTMLElement>();
    const alertRef = createRef<HTMLDivElement>();
    render(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-1"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1' }}
        locale="en"
        plan={plan({})}
        logger={{ log: vi.fn(async () => Promise.reject(new Error('outbox full'))) }}
      >
        <LoggingAlert ref={alertRef} className="host-alert" />
        <DecisionScreen ref={screenRef} className="host-screen" id="decision" />
      </DecisionProvider>,
    );
    expect(screenRef.current).toBe(root());
    expect(root()).toHaveClass('dlb-screen', 'host-screen');
    expect(root()).toHaveAttribute('id', 'decision');
    await waitFor(() => expect(alertRef.current).toHaveClass('dlb-logging-alert', 'host-alert'));
    expect(alertRef.current).toHaveAttribute('role', 'alert');
  });

  it('renders on the server without touching window or document, and logs nothing there', () => {
    const onEvents = vi.fn();
    const html = renderToString(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-ssr"
        procedure="p"
        caseRef="case-1"
        actor={{ id: 'a' }}
        policy={defaultPolicy}
        stakes="high"
        onEvents={onEvents}
      >
        <DecisionScreen />
      </DecisionProvider>,
    );
    expect(html).toContain('data-state="opened"');
    expect(onEvents).not.toHaveBeenCalled();
  });
});
