import type { DecisionEventDraft } from '@deliberate/core';
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionProvider, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { IndependentJudgement } from '../judgement/independent-judgement.tsx';
import { DecisionActions } from './decision-actions.tsx';
import type { FinalizeEvent } from './finalize-context.tsx';
import { FinalizeStep } from './finalize-step.tsx';
import {
  Probe,
  RevealButton,
  T0,
  housingBenefit,
  makePlan,
  rentEstimate,
} from '../testing/decision-fixtures.tsx';

const binary = {
  kind: 'binary',
  options: [
    { id: 'flag', label: 'Flag for review', probability: 0.09 },
    { id: 'no-flag', label: 'Do not flag', probability: 0.91 },
  ],
  recommended: 'no-flag',
  model: { id: 'fraud-flag', version: '0.9.0' },
};

const ranked = {
  kind: 'ranked',
  options: [
    { id: 'course-b', label: 'Welding course', probability: 0.5 },
    { id: 'course-a', label: 'Accounting course', probability: 0.3 },
    { id: 'coaching', label: 'Coaching', probability: 0.2 },
  ],
  model: { id: 'measures', version: '1' },
};

function renderDecision(
  ui: ReactNode,
  props: Partial<Omit<DecisionProviderProps, 'children'>> = {},
  options: { user?: UserEvent; now?: () => number } = {},
) {
  const events: DecisionEventDraft[] = [];
  const result = render(
    <DecisionProvider
      recommendation={housingBenefit}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={makePlan()}
      locale="en"
      clock={{ now: options.now ?? (() => T0) }}
      onEvents={(batch) => events.push(...batch)}
      {...props}
    >
      <IndependentJudgement />
      <RevealButton />
      {ui}
      <Probe />
    </DecisionProvider>,
  );
  return { ...result, events, user: options.user ?? userEvent.setup() };
}

async function judgeAndReveal(user: UserEvent, option: string) {
  await user.click(screen.getByRole('radio', { name: option }));
  await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
  await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
}

const finalized = (events: DecisionEventDraft[]) =>
  events.filter(
    (event): event is DecisionEventDraft<'decision.finalized'> => event.type === 'decision.finalized',
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('DecisionActions', () => {
  describe('accepting', () => {
    it('finalizes with the recommended option, intent accept, and says what was recorded', async () => {
      const onFinalize = vi.fn();
      const { user, events, container } = renderDecision(<DecisionActions onFinalize={onFinalize} />);
      await judgeAndReveal(user, 'Approve');
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));

      expect(onFinalize).toHaveBeenCalledWith(
        expect.objectContaining({
          action: expect.objectContaining({ final: { label: 'approve' }, intent: 'accept' }),
        }),
      );
      expect(finalized(events)[0]?.data).toMatchObject({
        final: { label: 'approve' },
        outcome: 'accepted',
        reasons: [],
        judgement: { label: 'approve' },
        recommendation: { label: 'approve', confidence: 0.82 },
      });
      expect(container.querySelector('.dlb-actions')).toHaveAttribute('data-state', 'finalized');
      expect(
        screen.getByText('Final decision recorded: Approve. You accepted the AI’s recommendation.'),
      ).toHaveFocus();
      expect(screen.queryByRole('button', { name: /Accept the recommendation/ })).toBeNull();
    });

    it('lets onFinalize cancel: nothing is recorded and the person can try again', async () => {
      let cancel = true;
      const { user, events } = renderDecision(
        <DecisionActions onFinalize={(_event: FinalizeEvent) => (cancel ? false : undefined)} />,
      );
      await judgeAndReveal(user, 'Approve');
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      expect(finalized(events)).toHaveLength(0);
      cancel = false;
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      expect(finalized(events)).toHaveLength(1);
    });
  });

  describe('which actions a kind offers', () => {
    it('hides "modify" for a categorical decision and asks which other option to take', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        plan: makePlan({ justification: 'none' }),
      });
      await judgeAndReveal(user, 'Approve');
      expect(screen.queryByRole('button', { name: /Modify/ })).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Override the recommendation' }));
      const target = screen.getByRole('group', { name: 'Your final decision instead' });
      expect(target).toHaveAccessibleDescription('Choose the option you decide on.');
      expect(within(target).getByRole('radio', { name: 'Reject' })).toHaveFocus();
      expect(within(target).queryByRole('radio', { name: 'Approve' })).toBeNull();
      await user.click(within(target).getByRole('radio', { name: 'Request documents' }));
      await user.click(screen.getByRole('button', { name: 'Override the recommendation' }));
      expect(finalized(events)[0]?.data).toMatchObject({
        final: { label: 'request-documents' },
        outcome: 'overridden',
      });
    });

    it('names the only other option of a binary decision on the button', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        recommendation: binary,
        plan: makePlan({ justification: 'none' }),
      });
      await judgeAndReveal(user, 'Do not flag');
      await user.click(screen.getByRole('button', { name: 'Override the recommendation: Flag for review' }));
      expect(finalized(events)[0]?.data).toMatchObject({ final: { label: 'flag' }, outcome: 'overridden' });
    });

    it('offers "modify" (another list item) and "override" (something not on the list) for a ranked list', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        recommendation: ranked,
        plan: makePlan({ justification: 'none' }),
      });
      await judgeAndReveal(user, 'Welding course');
      expect(
        screen.getByRole('button', { name: 'Accept the recommendation: Welding course' }),
      ).toBeInTheDocument();
      const list = screen.getByRole('group', { name: 'Another option from the AI’s list' });
      expect(
        within(list)
          .getAllByRole('radio')
          .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
      ).toEqual(['Accounting course', 'Coaching']);
      expect(
        screen.getByRole('textbox', { name: 'An option that is not on the AI’s list' }),
      ).toBeInTheDocument();
      await user.click(within(list).getByRole('radio', { name: 'Coaching' }));
      await user.click(screen.getByRole('button', { name: 'Modify the recommendation' }));
      expect(finalized(events)[0]?.data).toMatchObject({ final: { label: 'coaching' }, outcome: 'modified' });
    });

    it('takes another amount for a numeric decision and says how the protocol will record it', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        recommendation: rentEstimate,
        plan: makePlan({ justification: 'none' }),
      });
      await user.type(screen.getByRole('textbox', { name: 'Your amount (€ / month)' }), '380');
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
      expect(
        screen.getByRole('button', { name: 'Accept the recommendation: 412.50 € / month' }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Override/ })).toBeNull();
      // 380 differs from 412.50: the disagreement must be resolved first.
      expect(screen.getByRole('button', { name: 'Modify the recommendation' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await user.click(screen.getByRole('radio', { name: 'Decide on something else' }));

      const amount = screen.getByRole('textbox', { name: 'Your amount (€ / month)' });
      await user.type(amount, '500');
      const modify = screen.getByRole('button', { name: 'Modify the recommendation' });
      expect(modify).toHaveAccessibleDescription(
        'Outside the AI’s 90% interval (360 € / month – 470 € / month): recorded as an override.',
      );
      await user.clear(amount);
      await user.type(amount, '395,5');
      await user.click(modify);
      expect(amount).toHaveFocus();
      expect(amount).toHaveAccessibleDescription(
        'This is not a number. Enter the amount in digits, with a point before any decimals.',
      );
      await user.clear(amount);
      await user.type(amount, '395.5');
      expect(modify).toHaveAccessibleDescription(
        'Inside the AI’s 90% interval (360 € / month – 470 € / month): recorded as a modification.',
      );
      await user.click(modify);
      expect(finalized(events)[0]?.data).toMatchObject({ final: { value: 395.5 }, outcome: 'modified' });
    });
  });

  describe('the minimum own-assessment time', () => {
    it('says how many seconds are left on the unavailable button, then makes it available', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
      let now = T0;
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const { events } = renderDecision(
        <FinalizeStep />,
        { plan: makePlan({ minOwnTimeMs: 20_000, justification: 'none' }) },
        { user, now: () => now },
      );
      await judgeAndReveal(user, 'Approve');
      act(() => {
        now += 8_000;
        vi.advanceTimersByTime(1_000);
      });
      const accept = screen.getByRole('button', { name: 'Accept the recommendation: Approve' });
      expect(accept).toHaveAttribute('aria-disabled', 'true');
      expect(accept).toHaveAccessibleDescription(
        'Take at least 20 seconds for your own assessment — 12 seconds left.',
      );
      expect(
        screen.getByText('Take at least 20 seconds for your own assessment — 12 seconds left.'),
      ).toBeVisible();
      await user.click(accept);
      expect(finalized(events)).toHaveLength(0);

      act(() => {
        now += 12_000;
        vi.advanceTimersByTime(1_000);
      });
      expect(accept).not.toHaveAttribute('aria-disabled');
      expect(accept).not.toHaveAccessibleDescription();
      expect(
        screen.getByText('Your own assessment time is over. You can now record your final decision.'),
      ).toHaveAttribute('role', 'status');
      await user.click(accept);
      expect(finalized(events)).toHaveLength(1);
    });
  });

  describe('double submits', () => {
    it('finalizes once on a double click', async () => {
      const onFinalize = vi.fn();
      const { user, events } = renderDecision(<DecisionActions onFinalize={onFinalize} />, {
        plan: makePlan({ justification: 'none' }),
      });
      await judgeAndReveal(user, 'Approve');
      await user.dblClick(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      expect(finalized(events)).toHaveLength(1);
      expect(onFinalize).toHaveBeenCalledTimes(1);
      expect(screen.getByTestId('probe')).toHaveTextContent('status: finalized; error: none');
    });

    it('finalizes once when Enter is held down and repeats', async () => {
      const onFinalize = vi.fn();
      const { user, events } = renderDecision(<DecisionActions onFinalize={onFinalize} />, {
        plan: makePlan({ justification: 'none' }),
      });
      await judgeAndReveal(user, 'Approve');
      screen.getByRole('button', { name: 'Accept the recommendation: Approve' }).focus();
      await user.keyboard('{Enter>5/}');
      expect(finalized(events)).toHaveLength(1);
      expect(onFinalize).toHaveBeenCalledTimes(1);
      expect(screen.getByTestId('probe')).toHaveTextContent('status: finalized; error: none');
    });

    it('does not even dispatch a second time when two activations reach the button before React re-renders', async () => {
      const onFinalize = vi.fn();
      const { user, events } = renderDecision(<DecisionActions onFinalize={onFinalize} />, {
        plan: makePlan({ justification: 'none' }),
      });
      await judgeAndReveal(user, 'Approve');
      const accept = screen.getByRole('button', { name: 'Accept the recommendation: Approve' });
      act(() => {
        accept.click();
        accept.click();
      });
      expect(finalized(events)).toHaveLength(1);
      expect(onFinalize).toHaveBeenCalledTimes(1);
      // Had the UI dispatched twice, the protocol would have refused the second and said so here.
      expect(screen.getByTestId('probe')).toHaveTextContent('status: finalized; error: none');
    });
  });

  describe('deciding without the AI', () => {
    it('switches to a decision without the AI before the reveal, and records it as such', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        plan: makePlan({ justification: 'none' }),
      });
      await user.click(screen.getByRole('radio', { name: 'Reject' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      await user.click(screen.getByRole('button', { name: 'Decide without the AI' }));
      expect(
        screen.getByText('You are deciding without the AI. Its recommendation will not be shown.'),
      ).toHaveFocus();
      expect(screen.getByTestId('probe')).toHaveTextContent('status: without-ai');
      // Preset to the person's own committed judgement.
      const own = screen.getByRole('group', { name: 'Your final decision' });
      expect(within(own).getByRole('radio', { name: 'Reject' })).toBeChecked();
      await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
      expect(finalized(events)[0]?.data).toMatchObject({ final: { label: 'reject' }, outcome: 'without-ai' });
      expect(finalized(events)[0]?.data.recommendation).toBeUndefined();
    });

    it('after the reveal, keeps the button reachable and says why it is no longer possible', async () => {
      const { user } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Approve');
      const withoutAi = screen.getByRole('button', { name: 'Decide without the AI' });
      expect(withoutAi).toHaveAttribute('aria-disabled', 'true');
      expect(withoutAi).not.toBeDisabled();
      expect(withoutAi).toHaveAccessibleDescription(
        'The AI’s recommendation has already been shown, so you can no longer decide without it. To disagree, modify or override it.',
      );
      await user.click(withoutAi);
      expect(screen.getByTestId('probe')).toHaveTextContent('status: revealed');
    });

    it('waits for the reveal in a judge-first plan and says so', () => {
      const { container } = renderDecision(<FinalizeStep />);
      expect(container.querySelector('.dlb-actions')).toHaveAttribute('data-state', 'pending');
      expect(
        screen.getByText(
          'You can record your final decision once the AI’s recommendation has been shown — or decide without the AI.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
    });

    it('offers the final decision directly in the no-AI arm', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        plan: makePlan({ arm: 'no-ai', justification: 'none' }),
      });
      expect(screen.getByText('This decision is made without the AI.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Decide without the AI' })).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
      const own = screen.getByRole('group', { name: 'Your final decision' });
      expect(own).toHaveAccessibleDescription('Choose the option you decide on.');
      await user.click(within(own).getByRole('radio', { name: 'Approve' }));
      await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
      expect(finalized(events)[0]?.data).toMatchObject({
        final: { label: 'approve' },
        outcome: 'without-ai',
      });
    });
  });

  describe('an amount decided without the AI', () => {
    it('explains the format in words, with no sample amount beside the only figure on screen', async () => {
      const { user, container } = renderDecision(<FinalizeStep />, {
        recommendation: rentEstimate,
        plan: makePlan({ arm: 'no-ai', justification: 'none' }),
      });
      // While the person types, the field shows the format hint; a wrong format brings the error.
      await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
      const field = () => container.querySelector('.dlb-actions__target');
      // The unit is the decision space's (here the recommendation's, as the procedure passed none).
      await user.type(screen.getByRole('textbox', { name: 'Your final amount (€ / month)' }), 'x');
      expect(field()).toHaveTextContent('Enter the amount in digits, with a point before any decimals.');
      await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
      expect(field()).toHaveTextContent(
        'This is not a number. Enter the amount in digits, with a point before any decimals.',
      );
      expect(field()?.textContent).not.toMatch(/\d/);
    });
  });

  describe('in German', () => {
    it('labels the actions in German', async () => {
      const { user } = renderDecision(<FinalizeStep />, { locale: 'de' });
      await user.click(screen.getByRole('radio', { name: 'Ablehnen' }));
      await user.click(screen.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
      await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
      await user.click(screen.getByRole('radio', { name: 'Bei meiner Einschätzung bleiben: Ablehnen' }));
      expect(screen.getByRole('button', { name: 'Abweichend entscheiden: Ablehnen' })).not.toHaveAttribute(
        'aria-disabled',
      );
      expect(
        screen.getByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' }),
      ).toHaveAccessibleDescription(
        'Sie haben oben gewählt, bei Ihrer Einschätzung zu bleiben (Ablehnen). Um anders zu entscheiden, ändern Sie diese Wahl.',
      );
    });
  });
});
