import type { DecisionEventDraft } from '@deliberate/core';
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createRef, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DecisionActions } from '../actions/decision-actions.tsx';
import { FinalizeStep } from '../actions/finalize-step.tsx';
import { DecisionProvider, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { IndependentJudgement } from '../judgement/independent-judgement.tsx';
import { Justification } from '../justification/justification.tsx';
import { Contrast } from './contrast.tsx';
import { RevealButton, T0, housingBenefit, makePlan } from '../testing/decision-fixtures.tsx';

const binary = {
  kind: 'binary',
  options: [
    { id: 'flag', label: 'Flag for review', probability: 0.09 },
    { id: 'no-flag', label: 'Do not flag', probability: 0.91 },
  ],
  recommended: 'no-flag',
  model: { id: 'fraud-flag', version: '0.9.0' },
};

const rentEstimate = {
  kind: 'numeric',
  value: 412.5,
  unit: 'EUR',
  interval: { lo: 360, hi: 470, level: 0.9 },
  model: { id: 'wohngeld-amount', version: '1.4.1' },
  calibration: { calibrated: true },
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
    </DecisionProvider>,
  );
  return { ...result, events, user: userEvent.setup() };
}

async function judgeAndReveal(user: UserEvent, option: string, confidence?: string) {
  await user.click(screen.getByRole('radio', { name: option }));
  if (confidence) await user.click(screen.getByRole('radio', { name: confidence }));
  await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
  await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
}

const finalizeButtons = () =>
  screen
    .getAllByRole('button')
    .filter((button) =>
      /Accept the recommendation|Override the recommendation/.test(button.textContent ?? ''),
    );

describe('Contrast', () => {
  it('shows nothing before the reveal, but its live region is already there to announce the comparison', async () => {
    const { container, user } = renderDecision(<FinalizeStep />);
    const root = container.querySelector('.dlb-contrast');
    expect(root).toHaveAttribute('data-state', 'unavailable');
    const live = within(root as HTMLElement).getByRole('status');
    expect(live).toBeEmptyDOMElement();
    expect(screen.queryByRole('table')).toBeNull();

    await judgeAndReveal(user, 'Reject');
    expect(live).toHaveTextContent(
      'You and the AI disagree: you assessed Reject, the AI recommends Approve.',
    );
  });

  describe('when the person and the AI agree', () => {
    it('says so, compares both sides in a table, and asks nothing more', async () => {
      const { container, user } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Approve', 'Very sure');
      expect(container.querySelector('.dlb-contrast')).toHaveAttribute('data-state', 'agree');
      expect(
        screen.getByText('You and the AI agree: you assessed Approve, and the AI recommends the same.'),
      ).toBeInTheDocument();
      const table = screen.getByRole('table', { name: 'Your assessment and the AI’s recommendation' });
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((th) => th.textContent),
      ).toEqual(['Your assessment', 'AI’s recommendation']);
      const decisionRow = within(table).getByRole('row', { name: /^Decision/ });
      expect(
        within(decisionRow)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      ).toEqual(['Approve', 'Approve']);
      const confidenceRow = within(table).getByRole('row', { name: /^Confidence/ });
      expect(
        within(confidenceRow)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      ).toEqual(['Very sure', '82 %']);
      expect(screen.queryByRole('group', { name: /How do you want to proceed/ })).toBeNull();
      for (const button of finalizeButtons()) expect(button).not.toHaveAttribute('aria-disabled');
    });
  });

  describe('when the person and the AI disagree', () => {
    it('states it plainly and keeps every finalize action unavailable until the person resolves it', async () => {
      const { container, user } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Reject');
      expect(
        screen.getByText('You and the AI disagree: you assessed Reject, the AI recommends Approve.'),
      ).toBeInTheDocument();
      expect(container.querySelector('.dlb-contrast')).toHaveAttribute('data-state', 'disagree');
      expect(container.querySelector('.dlb-finalize')).toHaveAttribute('data-state', 'unresolved');

      const buttons = finalizeButtons();
      expect(buttons).toHaveLength(2);
      for (const button of buttons) {
        expect(button).toHaveAttribute('aria-disabled', 'true');
        expect(button).toHaveAccessibleDescription(
          'First choose above how you want to resolve the disagreement with the AI.',
        );
      }

      const resolution = screen.getByRole('group', { name: 'How do you want to proceed? (required)' });
      expect(
        within(resolution)
          .getAllByRole('radio')
          .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
      ).toEqual([
        'Keep my assessment: Reject',
        'Follow the AI’s recommendation: Approve',
        'Decide on something else',
      ]);
    });

    it('"keep my assessment" makes overriding with the own judgement the one available action', async () => {
      const { container, user, events } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Reject');
      await user.click(screen.getByRole('radio', { name: 'Keep my assessment: Reject' }));
      expect(container.querySelector('.dlb-contrast')).toHaveAttribute('data-state', 'resolved');
      expect(container.querySelector('.dlb-contrast')).toHaveAttribute('data-resolution', 'keep-mine');

      const override = screen.getByRole('button', { name: 'Override the recommendation: Reject' });
      expect(override).not.toHaveAttribute('aria-disabled');
      expect(
        screen.getByRole('button', { name: 'Accept the recommendation: Approve' }),
      ).toHaveAccessibleDescription(
        'You chose above to keep your own assessment (Reject). To decide otherwise, change that choice.',
      );
      // Deviating needs a reason under the `override` rule, and the legend now says so.
      expect(
        screen.getByRole('group', { name: /Reasons for your decision \(required\)/ }),
      ).toBeInTheDocument();
      await user.click(
        screen.getByRole('checkbox', { name: 'The case file contradicts the recommendation' }),
      );
      await user.click(override);
      const final = events.find(
        (event) => event.type === 'decision.finalized',
      ) as DecisionEventDraft<'decision.finalized'>;
      expect(final.data).toMatchObject({ final: { label: 'reject' }, outcome: 'overridden' });
    });

    it('"follow the AI" makes accepting the one available action', async () => {
      const { user, events } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Reject');
      await user.click(screen.getByRole('radio', { name: 'Follow the AI’s recommendation: Approve' }));
      expect(screen.getByRole('button', { name: 'Override the recommendation' })).toHaveAccessibleDescription(
        'You chose above to follow the AI’s recommendation. To decide otherwise, change that choice.',
      );
      await user.click(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
      const final = events.find(
        (event) => event.type === 'decision.finalized',
      ) as DecisionEventDraft<'decision.finalized'>;
      expect(final.data).toMatchObject({
        final: { label: 'approve' },
        outcome: 'accepted',
        judgement: { label: 'reject' },
      });
    });

    it('"something else" offers only the options that are neither the person’s nor the AI’s', async () => {
      const { user } = renderDecision(<FinalizeStep />);
      await judgeAndReveal(user, 'Reject');
      await user.click(screen.getByRole('radio', { name: 'Decide on something else' }));
      expect(
        screen.getByRole('button', { name: 'Override the recommendation: Request documents' }),
      ).not.toHaveAttribute('aria-disabled');
    });

    it('offers no "something else" when there are only two options', async () => {
      const { user } = renderDecision(<FinalizeStep />, { recommendation: binary });
      await judgeAndReveal(user, 'Flag for review');
      const resolution = screen.getByRole('group', { name: 'How do you want to proceed? (required)' });
      expect(within(resolution).getAllByRole('radio')).toHaveLength(2);
    });

    it('gives the size of a numeric difference and where it lies relative to the AI’s interval, in German', async () => {
      const { user } = renderDecision(<FinalizeStep />, { recommendation: rentEstimate, locale: 'de' });
      await user.type(screen.getByRole('textbox', { name: 'Ihr Betrag (EUR)' }), '380');
      await user.click(screen.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
      await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
      expect(
        screen.getByText(
          'Sie und die KI sind sich nicht einig: Ihre Einschätzung lautet „380 €“, die KI empfiehlt „412,50 €“.',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          'Der Unterschied beträgt 32,50 €. Ihr Betrag liegt innerhalb des 90 %-Intervalls der KI (360 € – 470 €).',
        ),
      ).toBeInTheDocument();
    });

    it('coordinates with the actions only within one finalize step', async () => {
      const onResolutionChange = vi.fn();
      const { user } = renderDecision(
        <FinalizeStep.Root onResolutionChange={onResolutionChange}>
          <Contrast />
          <Justification />
          <DecisionActions />
        </FinalizeStep.Root>,
      );
      await judgeAndReveal(user, 'Reject');
      expect(screen.getByRole('button', { name: 'Override the recommendation' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await user.click(screen.getByRole('radio', { name: 'Decide on something else' }));
      expect(onResolutionChange).toHaveBeenCalledWith('other');
    });
  });

  it('lets its parts take a ref and the host’s attributes', async () => {
    const statement = createRef<HTMLDivElement>();
    const table = createRef<HTMLTableElement>();
    const resolution = createRef<HTMLFieldSetElement>();
    const { user } = renderDecision(
      <Contrast.Root>
        <Contrast.Statement ref={statement} className="host-statement" />
        <Contrast.Table ref={table} id="comparison" />
        <Contrast.Resolution ref={resolution} className="host-resolution" />
      </Contrast.Root>,
    );
    await judgeAndReveal(user, 'Reject');
    expect(statement.current).toBe(screen.getByRole('status'));
    expect(statement.current).toHaveClass('dlb-contrast__statement', 'host-statement');
    expect(table.current).toBe(screen.getByRole('table', { name: /./ }));
    expect(table.current).toHaveAttribute('id', 'comparison');
    expect(resolution.current).toHaveClass('dlb-contrast__resolution', 'host-resolution');
    expect(resolution.current).toBeEnabled();
  });
});
