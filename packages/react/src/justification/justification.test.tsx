import type { DecisionEventDraft } from '@deliberate/core';
import { fromCdsHooksCard } from '@deliberate/core/adapters';
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createRef, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { FinalizeStep } from '../actions/finalize-step.tsx';
import { Justification } from './justification.tsx';
import { DecisionProvider, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { IndependentJudgement } from '../judgement/independent-judgement.tsx';
import { Probe, RevealButton, T0, housingBenefit, makePlan } from '../testing/decision-fixtures.tsx';

const cdsHooksCard = {
  uuid: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
  summary: 'Order HbA1c: last result older than 12 months',
  indicator: 'warning',
  source: { label: 'Diabetes care CDS' },
  suggestions: [
    { label: 'Order HbA1c', uuid: 'order-hba1c', isRecommended: true },
    { label: 'Do not order now', uuid: 'no-order' },
  ],
  overrideReasons: [
    {
      system: 'http://example.org/cds/override',
      code: 'recent-result-elsewhere',
      display: 'Recent result from another lab',
    },
    { system: 'http://example.org/cds/override', code: 'patient-declined', display: 'Patient declined' },
  ],
};

function renderDecision(ui: ReactNode, props: Partial<Omit<DecisionProviderProps, 'children'>> = {}) {
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
      clock={{ now: () => T0 }}
      onEvents={(batch) => events.push(...batch)}
      {...props}
    >
      <IndependentJudgement />
      <RevealButton />
      {ui}
      <Probe />
    </DecisionProvider>,
  );
  return { ...result, events, user: userEvent.setup() };
}

async function judgeAndReveal(user: UserEvent, option: string) {
  await user.click(screen.getByRole('radio', { name: option }));
  await user.click(
    screen.getByRole('button', { name: /Record my assessment|Meine Einschätzung festhalten/ }),
  );
  await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
}

const finalized = (events: DecisionEventDraft[]) =>
  events.filter(
    (event): event is DecisionEventDraft<'decision.finalized'> => event.type === 'decision.finalized',
  );

describe('Justification', () => {
  it('is not shown before a final decision is possible', () => {
    renderDecision(<FinalizeStep />);
    expect(screen.queryByRole('group', { name: /Reasons for your decision/ })).toBeNull();
  });

  it('offers the default reasons in German', async () => {
    const { user } = renderDecision(<FinalizeStep />, { locale: 'de' });
    await judgeAndReveal(user, 'Bewilligen');
    const reasons = screen.getByRole('group', { name: /Gründe für Ihre Entscheidung/ });
    expect(
      within(reasons)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual([
      'Mit der Akte abgeglichen',
      'Die Akte widerspricht der Empfehlung',
      'Informationen, die der KI fehlten',
      'Besondere Umstände des Einzelfalls',
      'Rechtliche Vorgabe oder Richtlinie',
      'Sonstiges (bitte erläutern)',
    ]);
  });

  describe('under the "override" rule', () => {
    it('requires a reason to override: the refusal is shown next to the reasons, which receive focus', async () => {
      const { user, events } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Approve');
      const reasons = screen.getByRole('group', {
        name: 'Reasons for your decision (required if you do not accept the AI’s recommendation)',
      });
      await user.click(screen.getByRole('radio', { name: 'Reject' }));
      await user.click(screen.getByRole('button', { name: 'Override the recommendation' }));

      expect(finalized(events)).toHaveLength(0);
      expect(screen.getByTestId('probe')).toHaveTextContent('error: reason-required');
      expect(reasons).toHaveAccessibleDescription(
        expect.stringContaining('Choose at least one reason for your decision.'),
      );
      const first = within(reasons).getByRole('checkbox', { name: 'Checked against the case file' });
      expect(first).toHaveFocus();
      expect(first).toHaveAttribute('aria-invalid', 'true');
      expect(reasons.closest('.dlb-justification')).toHaveAttribute('data-state', 'invalid');

      await user.click(within(reasons).getByRole('checkbox', { name: 'Information the AI did not have' }));
      expect(reasons).not.toHaveAccessibleDescription(expect.stringContaining('Choose at least one reason'));
      await user.click(screen.getByRole('button', { name: 'Override the recommendation' }));
      expect(finalized(events)[0]?.data).toMatchObject({
        final: { label: 'reject' },
        outcome: 'overridden',
        reasons: [
          {
            system: 'urn:deliberate:reason',
            code: 'information-missing',
            display: 'Information the AI did not have',
          },
        ],
      });
    });

    it('needs no reason to accept', async () => {
      const { user, events } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Approve');
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      expect(finalized(events)[0]?.data).toMatchObject({ outcome: 'accepted', reasons: [] });
    });
  });

  describe('under the "always" rule', () => {
    it('requires a reason to accept, too', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        plan: makePlan({ justification: 'always' }),
      });
      await judgeAndReveal(user, 'Approve');
      const reasons = screen.getByRole('group', { name: 'Reasons for your decision (required)' });
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      expect(finalized(events)).toHaveLength(0);
      expect(within(reasons).getByRole('checkbox', { name: 'Checked against the case file' })).toHaveFocus();
      await user.click(within(reasons).getByRole('checkbox', { name: 'Checked against the case file' }));
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      expect(finalized(events)[0]?.data).toMatchObject({
        outcome: 'accepted',
        reasons: [{ code: 'verified-in-case-file' }],
      });
    });

    it('requires a reason for a decision without the AI', async () => {
      const { user, events } = renderDecision(<FinalizeStep />, {
        plan: makePlan({ justification: 'always', arm: 'no-ai' }),
      });
      const own = screen.getByRole('group', { name: 'Your own assessment' });
      await user.click(within(own).getByRole('radio', { name: 'Reject' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
      expect(finalized(events)).toHaveLength(0);
      expect(screen.getByText('Choose at least one reason for your decision.')).toBeInTheDocument();
    });
  });

  it('requires a comment for "Other", next to the comment, which receives focus', async () => {
    const { user, events } = renderDecision(<FinalizeStep />, {
      plan: makePlan({ justification: 'always' }),
    });
    await judgeAndReveal(user, 'Approve');
    await user.click(screen.getByRole('checkbox', { name: 'Other (please explain)' }));
    const comment = screen.getByRole('textbox', { name: 'Comment (required)' });
    expect(comment).toBeRequired();
    expect(comment).toHaveAttribute('maxlength', '20000');
    expect(comment).toHaveAccessibleDescription('Needed for: Other (please explain).');
    await user.type(comment, '   ');
    await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
    expect(finalized(events)).toHaveLength(0);
    expect(comment).toHaveFocus();
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(
      'Needed for: Other (please explain). Explain the reason “Other (please explain)” in the comment.',
    );
    await user.type(comment, 'Applicant moved in with a relative.');
    await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
    expect(finalized(events)[0]?.data).toMatchObject({
      reasons: [{ code: 'other', display: 'Other (please explain)' }],
      comment: 'Applicant moved in with a relative.',
    });
  });

  it('offers a CDS Hooks card’s override reasons and logs them as Codings', async () => {
    const card = fromCdsHooksCard(cdsHooksCard);
    if (!card.ok) throw new Error('fixture');
    const { user, events } = renderDecision(<FinalizeStep />, { recommendation: card.value });
    await judgeAndReveal(user, 'Order HbA1c');
    const reasons = screen.getByRole('group', { name: /Reasons for your decision/ });
    expect(
      within(reasons)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Recent result from another lab', 'Patient declined']);
    await user.click(within(reasons).getByRole('checkbox', { name: 'Patient declined' }));
    await user.click(screen.getByRole('button', { name: 'Override the recommendation: Do not order now' }));
    expect(finalized(events)[0]?.data.reasons).toEqual([
      { system: 'http://example.org/cds/override', code: 'patient-declined', display: 'Patient declined' },
    ]);
  });

  it('shows what was recorded, read-only, once the decision is final', async () => {
    const { user } = renderDecision(<FinalizeStep />, { plan: makePlan({ justification: 'none' }) });
    await judgeAndReveal(user, 'Approve');
    expect(screen.getByRole('group', { name: 'Reasons for your decision (optional)' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Checked against the case file' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment (optional)' }), 'All documents present.');
    await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
    expect(screen.queryByRole('checkbox')).toBeNull();
    const recorded = document.querySelector('.dlb-justification');
    expect(recorded).toHaveAttribute('data-state', 'recorded');
    expect(recorded).toHaveTextContent('ReasonsChecked against the case file');
    expect(recorded).toHaveTextContent('CommentAll documents present.');
  });

  it('lets its parts take a ref and the host’s attributes, keeping their own wiring', async () => {
    const reasons = createRef<HTMLFieldSetElement>();
    const comment = createRef<HTMLDivElement>();
    const { user } = renderDecision(
      <FinalizeStep.Root>
        <Justification.Root>
          <Justification.Reasons ref={reasons} className="host-reasons" aria-describedby="policy-note" />
          <Justification.Comment ref={comment} data-testid="comment" />
        </Justification.Root>
      </FinalizeStep.Root>,
    );
    await judgeAndReveal(user, 'Approve');
    const group = screen.getByRole('group', { name: /Reasons for your decision/ });
    expect(reasons.current).toBe(group);
    expect(group).toHaveClass('dlb-justification__reasons', 'host-reasons');
    // The host's description first, then the part's own hint.
    expect(group.getAttribute('aria-describedby')?.split(' ')[0]).toBe('policy-note');
    expect(group.getAttribute('aria-describedby')?.split(' ')).toHaveLength(2);
    expect(comment.current).toBe(screen.getByTestId('comment'));
    expect(comment.current).toHaveClass('dlb-justification__comment');
  });
});
