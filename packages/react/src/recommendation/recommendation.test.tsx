import type { DecisionEventDraft, FrictionPlan, RecommendationInput, RevealMode } from '@deliberate/core';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, StrictMode, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DecisionProvider, useDecision } from '../decision/decision-provider.tsx';
import type { Locale } from '../messages/index.ts';
import { Recommendation, useRecommendation } from './recommendation.tsx';

/* -------------------------------------------------------------------------------------------------
 * Fixtures
 * -----------------------------------------------------------------------------------------------*/

const NBSP = '\u00a0';
const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);

const options = [
  { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' } },
  { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' } },
];

const housingBenefit = {
  kind: 'categorical',
  options: [
    { ...options[0]!, probability: 0.82 },
    { ...options[1]!, probability: 0.18 },
  ],
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0', name: 'Wohngeld eligibility model' },
  calibration: { calibrated: true, evaluatedAt: '2026-09-30' },
} satisfies RecommendationInput;

const lowConfidence = {
  ...housingBenefit,
  options: [
    { ...options[0]!, probability: 0.46 },
    { ...options[1]!, probability: 0.54 },
  ],
  recommended: 'reject',
} satisfies RecommendationInput;

const rentEstimate = {
  kind: 'numeric',
  value: 412.5,
  unit: '€',
  interval: { lo: 360, hi: 470, level: 0.9 },
  model: { id: 'wohngeld-amount', version: '1.4.1' },
  calibration: { calibrated: true },
} satisfies RecommendationInput;

const invalid = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', probability: 0.9 },
    { id: 'reject', label: 'Reject', probability: 0.3 },
  ],
  recommended: 'grant',
};

function plan(reveal: RevealMode, arm: FrictionPlan['arm'] = 'ai'): FrictionPlan {
  return {
    reveal,
    justification: 'none',
    minOwnTimeMs: 0,
    checklist: [],
    policyId: 'test',
    policyVersion: '1',
    rule: 'test',
    stakes: 'medium',
    band: 'high',
    arm,
    audit: false,
  };
}

interface SetupOptions {
  recommendation?: unknown;
  reveal?: RevealMode;
  arm?: FrictionPlan['arm'];
  locale?: Locale;
  children?: ReactNode;
}

function setup({
  recommendation = housingBenefit,
  reveal = 'after-judgement',
  arm,
  locale = 'en',
  children,
}: SetupOptions = {}) {
  const events: DecisionEventDraft[] = [];
  const user = userEvent.setup();
  const view = render(
    <DecisionProvider
      recommendation={recommendation}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={plan(reveal, arm)}
      clock={{ now: () => T0 }}
      locale={locale}
      onEvents={(batch) => events.push(...batch)}
    >
      <Recommendation />
      <Commit />
      {children}
    </DecisionProvider>,
  );
  return { ...view, events, user };
}

/** Stands in for the IndependentJudgement component: commits "approve". */
function Commit() {
  const { dispatch } = useDecision();
  return (
    <button type="button" onClick={() => dispatch({ type: 'commit', judgement: { label: 'approve' } })}>
      Commit my assessment
    </button>
  );
}

function DecideWithoutAi() {
  const { dispatch } = useDecision();
  return (
    <button type="button" onClick={() => dispatch({ type: 'decideWithoutAi' })}>
      Without AI
    </button>
  );
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });
const revealed = (events: DecisionEventDraft[]) =>
  events.filter((event) => event.type === 'recommendation.revealed');

/* -------------------------------------------------------------------------------------------------
 * Tests
 * -----------------------------------------------------------------------------------------------*/

describe('Recommendation', () => {
  describe('given an after-judgement plan', () => {
    it('stays hidden before the judgement is committed and says why', () => {
      const { events } = setup();
      const section = region('AI recommendation');
      expect(section).toHaveAttribute('data-state', 'hidden');
      expect(section).toHaveTextContent(
        'Record your own assessment first; then the AI’s recommendation is shown.',
      );
      expect(section).not.toHaveTextContent(/thinking|loading/i);
      expect(within(section).queryByText('Approve')).not.toBeInTheDocument();
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
      expect(revealed(events)).toHaveLength(0);
    });

    it('has an empty live region in the DOM before the reveal', () => {
      setup();
      const status = within(region('AI recommendation')).getByRole('status');
      expect(status).toHaveAttribute('aria-live', 'polite');
      expect(status).toBeEmptyDOMElement();
    });

    describe('after the judgement is committed', () => {
      it('reveals itself, announces it politely and leaves focus where it was', async () => {
        const { events, user } = setup();
        const commit = screen.getByRole('button', { name: 'Commit my assessment' });
        const status = within(region('AI recommendation')).getByRole('status');
        await user.click(commit);
        expect(document.activeElement).toBe(commit);

        const section = region('AI recommendation');
        expect(section).toHaveAttribute('data-state', 'revealed');
        expect(section).toHaveAttribute('data-framing', 'recommendation');
        expect(within(section).getByText('Approve')).toBeInTheDocument();
        // The same live-region element that was there before the reveal now carries the news.
        expect(within(section).getByRole('status')).toBe(status);
        expect(status).toHaveTextContent('The AI recommendation is now shown: Approve. likely (66–90%).');
        expect(document.activeElement).toBe(commit);

        const [event] = revealed(events);
        expect(event?.data).toMatchObject({
          requested: false,
          display: { format: 'verbal', text: 'likely (66–90%)' },
          recommendation: { label: 'approve', confidence: 0.82 },
        });
      });

      it('logs exactly the confidence text it shows', async () => {
        const { events, user } = setup();
        await user.click(screen.getByRole('button', { name: 'Commit my assessment' }));
        const meter = screen.getByRole('meter', { name: 'Confidence of the AI system' });
        const [event] = revealed(events);
        expect(event?.data).toMatchObject({ display: { text: meter.getAttribute('aria-valuetext') } });
        expect(meter.textContent).toBe((event?.data as { display: { text: string } }).display.text);
      });

      it('shows the model identity and calibration date', async () => {
        const { user } = setup();
        await user.click(screen.getByRole('button', { name: 'Commit my assessment' }));
        const section = region('AI recommendation');
        const terms = within(section)
          .getAllByRole('term')
          .map((term) => term.textContent);
        const definitions = within(section)
          .getAllByRole('definition')
          .map((definition) => definition.textContent);
        expect(terms).toEqual(['AI system', 'Calibration']);
        expect(definitions).toEqual([
          'Wohngeld eligibility model (wohngeld-eligibility), version 2.3.0',
          'checked on Sep 30, 2026',
        ]);
      });

      it('reveals only once under StrictMode', async () => {
        const events: DecisionEventDraft[] = [];
        const user = userEvent.setup();
        render(
          <StrictMode>
            <DecisionProvider
              recommendation={housingBenefit}
              decisionId="d-1"
              procedure="p"
              caseRef="c"
              actor={{ id: 'a' }}
              plan={plan('after-judgement')}
              clock={{ now: () => T0 }}
              onEvents={(batch) => events.push(...batch)}
            >
              <Recommendation />
              <Commit />
            </DecisionProvider>
          </StrictMode>,
        );
        await user.click(screen.getByRole('button', { name: 'Commit my assessment' }));
        expect(revealed(events)).toHaveLength(1);
      });
    });
  });

  describe('given an on-request plan', () => {
    it('offers a button and reveals with requested: true and the shown display', async () => {
      const { events, user } = setup({ reveal: 'on-request' });
      const section = region('AI recommendation');
      expect(section).toHaveAttribute('data-state', 'available');
      expect(revealed(events)).toHaveLength(0);

      await user.click(within(section).getByRole('button', { name: 'Show AI recommendation' }));

      expect(section).toHaveAttribute('data-state', 'revealed');
      const [event] = revealed(events);
      const meter = within(section).getByRole('meter');
      expect(event?.data).toMatchObject({
        requested: true,
        display: { format: 'verbal', text: meter.getAttribute('aria-valuetext') },
      });
      expect(within(section).getByRole('status')).toHaveTextContent('The AI recommendation is now shown');
    });

    it('moves focus to the heading, because the button it was on is gone', async () => {
      const { user } = setup({ reveal: 'on-request' });
      await user.tab();
      expect(screen.getByRole('button', { name: 'Show AI recommendation' })).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(screen.getByRole('heading', { name: 'AI recommendation' })).toHaveFocus();
    });
  });

  describe('given an immediate plan', () => {
    it('reveals on mount with requested: false', () => {
      const { events } = setup({ reveal: 'immediate' });
      const section = region('AI recommendation');
      expect(section).toHaveAttribute('data-state', 'revealed');
      expect(revealed(events)).toHaveLength(1);
      expect(revealed(events)[0]?.data).toMatchObject({ requested: false });
      // The opening event is logged before the reveal.
      expect(events.map((event) => event.type)).toEqual(['decision.opened', 'recommendation.revealed']);
    });

    it('renders hidden on the server, with the live region already there', () => {
      const html = renderToString(
        <DecisionProvider
          recommendation={housingBenefit}
          decisionId="d-1"
          procedure="p"
          caseRef="c"
          actor={{ id: 'a' }}
          plan={plan('immediate')}
          clock={{ now: () => T0 }}
        >
          <Recommendation />
        </DecisionProvider>,
      );
      expect(html).toContain('data-state="hidden"');
      expect(html).toContain('role="status"');
    });
  });

  describe('given a low-confidence recommendation', () => {
    it('frames itself as information, not as a recommendation', () => {
      setup({ recommendation: lowConfidence, reveal: 'immediate' });
      const section = region('Information from the AI system');
      expect(section).toHaveAttribute('data-framing', 'information');
      expect(section).toHaveTextContent('The system is uncertain; treat this as one piece of information');
      expect(section).toHaveTextContent('The system leans towards: Reject');
      expect(section).not.toHaveTextContent('Recommended:');
      expect(within(section).getByRole('status')).toHaveTextContent(
        'Information from the AI system is now shown',
      );
    });

    it('uses the threshold it is given', () => {
      render(
        <DecisionProvider
          recommendation={housingBenefit}
          decisionId="d-1"
          procedure="p"
          caseRef="c"
          actor={{ id: 'a' }}
          plan={plan('immediate')}
          clock={{ now: () => T0 }}
          locale="en"
        >
          <Recommendation lowConfidenceThreshold={0.9} />
        </DecisionProvider>,
      );
      expect(region('Information from the AI system')).toHaveAttribute('data-framing', 'information');
    });

    it('frames a recommendation without confidence as information too', () => {
      const { confidence: _unused, ...rest } = { ...housingBenefit, confidence: undefined };
      const noConfidence = { ...rest, options: options.map(({ id, label }) => ({ id, label })) };
      setup({ recommendation: noConfidence, reveal: 'immediate' });
      const section = region('Information from the AI system');
      expect(section).toHaveTextContent('The system gives no confidence for this recommendation');
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    });
  });

  describe('given a numeric recommendation', () => {
    it('shows the estimate with its prediction interval', () => {
      const { events } = setup({ recommendation: rentEstimate, reveal: 'immediate', locale: 'de' });
      const section = region('KI-Empfehlung');
      expect(section).toHaveTextContent('Schätzung: 412,50 €');
      expect(revealed(events)[0]?.data).toMatchObject({
        display: { format: 'interval', text: `412,50 € (Vorhersageintervall 90${NBSP}%: 360–470 €)` },
      });
    });
  });

  describe('given an uncalibrated recommendation', () => {
    it('logs and shows the verbal band with the notice, whatever format was asked for', () => {
      const events: DecisionEventDraft[] = [];
      render(
        <DecisionProvider
          recommendation={{ ...housingBenefit, calibration: { calibrated: false } }}
          decisionId="d-1"
          procedure="p"
          caseRef="c"
          actor={{ id: 'a' }}
          plan={plan('immediate')}
          clock={{ now: () => T0 }}
          locale="en"
          confidenceFormat="percent"
          onEvents={(batch) => events.push(...batch)}
        >
          <Recommendation />
        </DecisionProvider>,
      );
      expect(screen.getByText(/^Not calibrated:/)).toBeInTheDocument();
      expect(revealed(events)[0]?.data).toMatchObject({
        display: { format: 'verbal', text: 'likely (66–90%); not calibrated' },
      });
    });
  });

  describe('given an invalid recommendation', () => {
    it('names the problems in plain words, shows no number and offers deciding without AI', () => {
      const { events } = setup({ recommendation: invalid, reveal: 'immediate' });
      const section = region('The AI recommendation cannot be shown');
      expect(section).toHaveAttribute('data-state', 'invalid');
      const alert = within(section).getByRole('alert');
      expect(alert).toHaveTextContent('The probabilities of the options do not add up correctly.');
      expect(alert).toHaveTextContent('It refers to an option that does not exist.');
      expect(section).toHaveTextContent('Please decide the case yourself on the basis of the case file');
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
      expect(section).not.toHaveTextContent(/%|0[.,]9|0[.,]3/);
      expect(section.querySelector('details')).toHaveTextContent('recommended');
      expect(events.map((event) => event.type)).toContain('recommendation.invalid');
      expect(revealed(events)).toHaveLength(0);
    });

    it('speaks German', () => {
      setup({ recommendation: invalid, locale: 'de' });
      const alert = within(region('Die KI-Empfehlung kann nicht angezeigt werden')).getByRole('alert');
      expect(alert).toHaveTextContent('Die Wahrscheinlichkeiten der Optionen addieren sich nicht korrekt.');
    });
  });

  describe('when the AI is not used', () => {
    it('says plainly that the AI is not shown in the no-AI arm', () => {
      setup({ reveal: 'immediate', arm: 'no-ai' });
      const section = region('AI recommendation not shown');
      expect(section).toHaveAttribute('data-state', 'unavailable');
      expect(section).toHaveTextContent('comparison group that works without AI');
    });

    it('says so after the person chose to decide without AI', async () => {
      const { user, events } = setup({ reveal: 'on-request', children: <DecideWithoutAi /> });
      await user.click(screen.getByRole('button', { name: 'Without AI' }));
      const section = region('AI recommendation not shown');
      expect(section).toHaveTextContent('You chose to decide without the AI');
      expect(within(section).queryByRole('button')).not.toBeInTheDocument();
      expect(revealed(events)).toHaveLength(0);
    });

    it('says so without a recommendation', () => {
      setup({ recommendation: null });
      expect(region('AI recommendation not shown')).toHaveTextContent(
        'There is no AI recommendation for this case.',
      );
    });

    it('hides a revealed recommendation once the AI is stopped, and says why', () => {
      function Stop() {
        const { dispatch } = useDecision();
        return (
          <button
            type="button"
            onClick={() => dispatch({ type: 'stopAi', scope: 'procedure', reason: 'drift' })}
          >
            Stop
          </button>
        );
      }
      setup({ reveal: 'immediate', children: <Stop /> });
      expect(region('AI recommendation')).toHaveAttribute('data-state', 'revealed');
      act(() => screen.getByRole('button', { name: 'Stop' }).click());
      const section = region('AI recommendation not shown');
      expect(section).toHaveTextContent('The AI has been stopped for this procedure');
      expect(section).toHaveTextContent('Reason given: drift');
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    });
  });
});

describe('useRecommendation', () => {
  /** A host's own markup on the hook's prop bags. */
  function OwnRecommendation() {
    const r = useRecommendation({ lowConfidenceThreshold: 0.9 });
    return (
      <section {...r.rootProps}>
        <h3 {...r.headingProps}>What the AI suggests</h3>
        {r.view === 'available' ? <button {...r.revealButtonProps}>Show me</button> : null}
        {r.view === 'revealed' ? <p>{`${r.option}, ${r.description?.text ?? ''}`}</p> : null}
        <div {...r.statusProps}>{r.announcement}</div>
      </section>
    );
  }

  it('reveals on request, logs what the host shows, announces it and moves focus to the heading', async () => {
    const events: DecisionEventDraft[] = [];
    const user = userEvent.setup();
    render(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-1"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1' }}
        plan={plan('on-request')}
        clock={{ now: () => T0 }}
        locale="en"
        onEvents={(batch) => events.push(...batch)}
      >
        <OwnRecommendation />
      </DecisionProvider>,
    );
    const section = screen.getByRole('region', { name: 'What the AI suggests' });
    expect(section).toHaveAttribute('data-state', 'available');

    await user.click(within(section).getByRole('button', { name: 'Show me' }));

    expect(section).toHaveAttribute('data-state', 'revealed');
    expect(section).toHaveAttribute('data-framing', 'information');
    expect(screen.getByRole('heading', { name: 'What the AI suggests' })).toHaveFocus();
    const [event] = revealed(events);
    expect(event?.data).toMatchObject({ requested: true });
    const shown = (event?.data as { display: { text: string } }).display.text;
    expect(within(section).getByText(`Approve, ${shown}`)).toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent(/AI.*Approve/);
  });

  it('lets the section take a ref and the host’s attributes, named by the host’s label first', () => {
    const ref = createRef<HTMLElement>();
    render(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-1"
        procedure="p"
        caseRef="case-1"
        actor={{ id: 'a-1' }}
        plan={plan('on-request')}
        clock={{ now: () => T0 }}
        locale="en"
      >
        <p id="case-name">Case 17</p>
        <Recommendation ref={ref} aria-labelledby="case-name" className="host" data-testid="rec" />
      </DecisionProvider>,
    );
    const section = screen.getByRole('region', { name: 'Case 17 AI recommendation' });
    expect(ref.current).toBe(section);
    expect(section).toHaveClass('dlb-recommendation', 'host');
    expect(section).toHaveAttribute('data-testid', 'rec');
  });
});
