import { judgementCommitment, type DecisionEventDraft, type FrictionPlan } from '@deliberate/core';
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionProvider } from '../decision/decision-provider.tsx';
import { IndependentJudgement } from '../judgement/independent-judgement.tsx';
import { FinalizeStep } from './finalize-step.tsx';
import { Probe, RevealButton, T0, housingBenefit } from '../testing/decision-fixtures.tsx';

const envelope = {
  schema: 'deliberate.event/1',
  decisionId: 'd-1',
  procedure: 'housing-benefit.eligibility',
  caseRef: 'case-1',
  actor: { id: 'a-1', role: 'caseworker' },
  model: { id: 'wohngeld-eligibility', version: '2.3.0' },
};

function Screen() {
  return (
    <>
      <IndependentJudgement />
      <RevealButton />
      <FinalizeStep />
      <Probe />
    </>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the judge-first flow', () => {
  it('runs under the default high-stakes policy and emits exactly the expected events, in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    let now = T0;
    const tick = (ms: number) =>
      act(() => {
        now += ms;
        vi.advanceTimersByTime(1_000);
      });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const events: DecisionEventDraft[] = [];
    render(
      // No plan: the provider resolves the default policy for high stakes (judge first, a reason
      // always, 20 s own time, a two-item checklist).
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-1"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1', role: 'caseworker' }}
        stakes="high"
        locale="en"
        clock={{ now: () => now }}
        onEvents={(batch) => events.push(...batch)}
      >
        <Screen />
      </DecisionProvider>,
    );

    // Own judgement, with the plan's checklist.
    expect(
      screen.getByText('Take at least 20 seconds for your own assessment — 20 seconds left.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Reject' }));
    await user.click(screen.getByRole('radio', { name: 'Rather sure' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Your reasoning (optional)' }),
      'Income above the limit.',
    );
    await user.click(screen.getByRole('checkbox', { name: 'I checked the evidence in the case file' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'I considered what speaks against my assessment' }),
    );
    tick(5_000);
    await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
    tick(1_000);
    await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));

    // The disagreement, stated and resolved; the own time still runs.
    expect(
      screen.getByText('You and the AI disagree: you assessed Reject, the AI recommends Approve.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Keep my assessment: Reject' }));
    const override = screen.getByRole('button', { name: 'Override the recommendation: Reject' });
    expect(override).toHaveAttribute('aria-disabled', 'true');
    expect(override).toHaveAccessibleDescription(
      'Take at least 20 seconds for your own assessment — 14 seconds left.',
    );
    tick(15_000);
    expect(override).not.toHaveAttribute('aria-disabled');

    // A reason is needed ("always"); "Other" also needs a comment.
    await user.click(override);
    expect(screen.getByTestId('probe')).toHaveTextContent('error: reason-required');
    await user.click(screen.getByRole('checkbox', { name: 'The case file contradicts the recommendation' }));
    await user.click(screen.getByRole('checkbox', { name: 'Other (please explain)' }));
    await user.click(override);
    expect(screen.getByRole('textbox', { name: 'Comment (required)' })).toHaveFocus();
    await user.type(
      screen.getByRole('textbox', { name: 'Comment (required)' }),
      'Rent contract shows a second tenant.',
    );
    await user.click(override);

    expect(
      screen.getByText('Final decision recorded: Reject. You overrode the AI’s recommendation.'),
    ).toHaveFocus();
    const judgement = { label: 'reject', confidence: 0.7 };
    // The commitment is salted (version 2); the salt is the one the event carries.
    const SALT = (events.find((e) => e.type === 'judgement.committed')?.data as { salt?: string }).salt ?? '';
    expect(SALT).toMatch(/^[0-9a-f]{32,128}$/);
    expect(events).toEqual([
      {
        ...envelope,
        type: 'decision.opened',
        ts: '2026-11-22T10:00:00.000Z',
        data: {
          policy: {
            id: 'deliberate.default',
            version: '2.0.0',
            reveal: 'after-judgement',
            justification: 'always',
            minOwnTimeMs: 20_000,
            arm: 'ai',
            audit: false,
            rule: 'high-stakes',
          },
          stakes: 'high',
        },
      },
      {
        ...envelope,
        type: 'judgement.committed',
        ts: '2026-11-22T10:00:05.000Z',
        data: {
          judgement,
          rationale: 'Income above the limit.',
          commitment: judgementCommitment('d-1', judgement, 'Income above the limit.', SALT),
          commitmentVersion: 2,
          salt: SALT,
          checklist: ['evidence-checked', 'counter-evidence-considered'],
        },
      },
      {
        ...envelope,
        type: 'recommendation.revealed',
        ts: '2026-11-22T10:00:06.000Z',
        data: {
          recommendation: { label: 'approve', confidence: 0.82 },
          display: { format: 'percent', text: '82 %' },
          requested: false,
          // At high stakes a reason is always required already; after the reveal nothing is raised.
          friction: { band: 'medium', justification: 'always' },
        },
      },
      {
        ...envelope,
        type: 'decision.finalized',
        ts: '2026-11-22T10:00:21.000Z',
        data: {
          final: { label: 'reject' },
          outcome: 'overridden',
          reasons: [
            {
              system: 'urn:deliberate:reason',
              code: 'case-file-contradicts',
              display: 'The case file contradicts the recommendation',
            },
            { system: 'urn:deliberate:reason', code: 'other', display: 'Other (please explain)' },
          ],
          comment: 'Rent contract shows a second tenant.',
          durationMs: 21_000,
          recommendation: { label: 'approve', confidence: 0.82 },
          judgement,
        },
      },
    ]);
  });

  it('can be run with the keyboard alone', async () => {
    const plan: FrictionPlan = {
      policyId: 'test',
      policyVersion: '1',
      rule: 'fixed',
      stakes: 'high',
      band: 'high',
      arm: 'ai',
      audit: false,
      reveal: 'after-judgement',
      justification: 'override',
      minOwnTimeMs: 0,
      checklist: [
        { id: 'income', label: { en: 'Income documents checked', de: 'Einkommensnachweise geprüft' } },
      ],
    };
    const events: DecisionEventDraft[] = [];
    const user = userEvent.setup();
    render(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-1"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1', role: 'caseworker' }}
        plan={plan}
        locale="en"
        clock={{ now: () => T0 }}
        onEvents={(batch) => events.push(...batch)}
      >
        <Screen />
      </DecisionProvider>,
    );
    const focused = () => document.activeElement as HTMLElement;
    /** Presses Tab until the focused element has this accessible name (by label or text). */
    async function tabTo(name: string) {
      for (let i = 0; i < 40; i += 1) {
        await user.tab();
        const element = focused();
        const label =
          element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
            ? element.labels?.[0]?.textContent
            : element.textContent;
        if (label === name) return element;
      }
      throw new Error(`Tab never reached "${name}"`);
    }

    // Judge: arrows move within the radio group, Space ticks a checkbox, Enter presses a button.
    await user.tab();
    expect(focused()).toHaveAccessibleName('Approve');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Reject' })).toBeChecked();
    await user.tab();
    expect(focused()).toHaveAccessibleName('Not stated');
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Rather sure' })).toBeChecked();
    await user.tab();
    await user.keyboard('Income above the limit.');
    await user.tab();
    expect(focused()).toHaveAccessibleName('Income documents checked');
    await user.keyboard(' ');
    await user.tab();
    expect(focused()).toHaveAccessibleName('Record my assessment');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Your assessment has been recorded')).toHaveFocus();

    // Reveal (the Recommendation component's job; a stand-in here).
    await tabTo('Show the AI’s recommendation');
    await user.keyboard('{Enter}');

    // Resolve the disagreement.
    await user.tab();
    expect(focused()).toHaveAccessibleName('Keep my assessment: Reject');
    await user.keyboard(' ');
    expect(focused()).toBeChecked();

    // Enter on the override without a reason: refused, focus to the reasons.
    await tabTo('Override the recommendation: Reject');
    await user.keyboard('{Enter}');
    expect(focused()).toHaveAccessibleName('Checked against the case file');
    expect(events.map((event) => event.type)).not.toContain('decision.finalized');

    await user.tab();
    expect(focused()).toHaveAccessibleName('The case file contradicts the recommendation');
    await user.keyboard(' ');

    // Accept is reachable although unavailable, and says why; Enter does nothing.
    const accept = await tabTo('Accept the recommendation: Approve');
    expect(accept).toHaveAttribute('aria-disabled', 'true');
    expect(accept).toHaveAccessibleDescription(
      'You chose above to keep your own assessment (Reject). To decide otherwise, change that choice.',
    );
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('probe')).toHaveTextContent('status: revealed');

    await user.tab();
    expect(focused()).toHaveAccessibleName('Override the recommendation: Reject');
    await user.keyboard('{Enter}');
    expect(focused()).toHaveTextContent(
      'Final decision recorded: Reject. You overrode the AI’s recommendation.',
    );

    expect(events.map((event) => event.type)).toEqual([
      'decision.opened',
      'judgement.committed',
      'recommendation.revealed',
      'decision.finalized',
    ]);
    expect(events[1]?.data).toMatchObject({
      judgement: { label: 'reject', confidence: 0.7 },
      checklist: ['income'],
    });
    expect(events[3]?.data).toMatchObject({
      final: { label: 'reject' },
      outcome: 'overridden',
      reasons: [{ code: 'case-file-contradicts' }],
      judgement: { label: 'reject', confidence: 0.7 },
      recommendation: { label: 'approve', confidence: 0.82 },
    });
  });
});

describe('FinalizeStep', () => {
  it('renders on the server without touching the DOM', () => {
    const html = renderToString(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-ssr"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1' }}
        stakes="high"
        locale="de"
        clock={{ now: () => T0 }}
      >
        <IndependentJudgement />
        <FinalizeStep />
      </DecisionProvider>,
    );
    expect(html).toContain('Ihre eigene Einschätzung');
    expect(html).toContain('data-state="pending"');
  });

  it('shows the data-state of the whole step', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <DecisionProvider
        recommendation={housingBenefit}
        decisionId="d-1"
        procedure="housing-benefit.eligibility"
        caseRef="case-1"
        actor={{ id: 'a-1' }}
        stakes="medium"
        plan={{
          policyId: 'test',
          policyVersion: '1',
          rule: 'fixed',
          stakes: 'medium',
          band: 'high',
          arm: 'ai',
          audit: false,
          reveal: 'after-judgement',
          justification: 'none',
          minOwnTimeMs: 0,
          checklist: [],
        }}
        locale="en"
        clock={{ now: () => T0 }}
      >
        <Screen />
      </DecisionProvider>,
    );
    const step = container.querySelector('.dlb-finalize');
    expect(step).toHaveAttribute('data-state', 'pending');
    await user.click(screen.getByRole('radio', { name: 'Reject' }));
    await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
    await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
    expect(step).toHaveAttribute('data-state', 'unresolved');
    await user.click(screen.getByRole('radio', { name: 'Follow the AI’s recommendation: Approve' }));
    expect(step).toHaveAttribute('data-state', 'deciding');
    await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
    expect(step).toHaveAttribute('data-state', 'finalized');
    expect(
      within(step as HTMLElement).getByRole('radio', { name: 'Follow the AI’s recommendation: Approve' }),
    ).toBeDisabled();
  });
});

export type { UserEvent };
