import { judgementCommitment, type DecisionEventDraft, type DecisionOptions } from '@deliberate/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DecisionProvider, useDecision, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { IndependentJudgement, useIndependentJudgement } from './independent-judgement.tsx';
import {
  Probe,
  RevealButton,
  T0,
  housingBenefit,
  makePlan,
  rentEstimate,
} from '../testing/decision-fixtures.tsx';

const ranked = {
  kind: 'ranked',
  options: [
    { id: 'course-b', label: 'Welding course', probability: 0.5 },
    { id: 'course-a', label: 'Accounting course', probability: 0.3 },
    { id: 'coaching', label: 'Coaching', probability: 0.2 },
  ],
  model: { id: 'measures', version: '1' },
};

/** The procedure's decision space for the housing-benefit fixture, in the procedure's order. */
const procedureOptions: DecisionOptions = {
  kind: 'choice',
  options: housingBenefit.options.map(({ id, label, labels }) => ({ id, label, labels })),
};

const checklist = [
  { id: 'income', label: { en: 'Income documents checked', de: 'Einkommensnachweise geprüft' } },
  { id: 'rent', label: { en: 'Rent contract checked', de: 'Mietvertrag geprüft' } },
];

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
      {ui}
      <RevealButton />
      <Probe />
    </DecisionProvider>,
  );
  return { ...result, events, user: userEvent.setup() };
}

const ofType = <T extends DecisionEventDraft['type']>(events: DecisionEventDraft[], type: T) =>
  events.filter((event) => event.type === type) as DecisionEventDraft<T>[];

describe('IndependentJudgement', () => {
  describe('before the person has judged', () => {
    it('offers the recommendation’s options (without procedure options) in German label order, without a hint of the recommendation', () => {
      const { container } = renderDecision(<IndependentJudgement />, { locale: 'de' });
      const group = screen.getByRole('group', { name: 'Ihre eigene Einschätzung' });
      const radios = within(group).getAllByRole('radio');
      // Not the payload's order, which may follow the AI: by label, "Ablehnen" first.
      expect(radios.map((radio) => radio.getAttribute('value'))).toEqual([
        'reject',
        'approve',
        'request-documents',
      ]);
      expect(within(group).getByRole('radio', { name: 'Bewilligen' })).not.toBeChecked();
      expect(within(group).getByRole('radio', { name: 'Ablehnen' })).toBeInTheDocument();
      expect(within(group).getByRole('radio', { name: 'Unterlagen anfordern' })).toBeInTheDocument();
      expect(container).not.toHaveTextContent(/82|KI empfiehlt/);
      expect(container.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'empty');
    });

    it('offers the options in English with the locale', () => {
      renderDecision(<IndependentJudgement />);
      const group = screen.getByRole('group', { name: 'Your own assessment' });
      expect(
        within(group)
          .getAllByRole('radio')
          .map(
            (radio) =>
              radio.getAttribute('aria-label') ?? (radio as HTMLInputElement).labels?.[0]?.textContent,
          ),
      ).toEqual(['Approve', 'Reject', 'Request documents']);
    });

    it('lists a ranked recommendation alphabetically, so that the order does not give away the AI’s ranking', () => {
      renderDecision(<IndependentJudgement />, { recommendation: ranked });
      const group = screen.getByRole('group', { name: 'Your own assessment' });
      expect(
        within(group)
          .getAllByRole('radio')
          .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
      ).toEqual(['Accounting course', 'Coaching', 'Welding course']);
    });

    it('shows the options in the order the procedure passes, whatever order the source sent', () => {
      // The source's order may follow the AI (a list sorted by probability starts with its pick);
      // the procedure's fixed order keeps that out of the judgement step.
      const sortedBySource = { ...housingBenefit, options: [...housingBenefit.options].reverse() };
      renderDecision(<IndependentJudgement />, {
        recommendation: sortedBySource,
        options: procedureOptions,
      });
      const group = screen.getByRole('group', { name: 'Your own assessment' });
      expect(
        within(group)
          .getAllByRole('radio')
          .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
      ).toEqual(housingBenefit.options.map((option) => option.label));
    });

    it('presents the minimum time as the person’s own assessment time, never as the system working', () => {
      const { container } = renderDecision(<IndependentJudgement />, {
        plan: makePlan({ minOwnTimeMs: 20_000 }),
      });
      expect(
        screen.getByText('Take at least 20 seconds for your own assessment — 20 seconds left.'),
      ).toBeInTheDocument();
      expect(container).not.toHaveTextContent(/thinking|loading|processing|please wait/i);
    });

    it('keeps drafts in the protocol without logging them', async () => {
      const { user, events, container } = renderDecision(<IndependentJudgement />);
      await user.click(screen.getByRole('radio', { name: 'Reject' }));
      expect(screen.getByTestId('probe')).toHaveTextContent('status: judging; error: none');
      expect(container.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'drafting');
      expect(events.map((event) => event.type)).toEqual(['decision.opened']);
    });
  });

  describe('committing', () => {
    it('records choice, own confidence, rationale and checklist, then shows them read-only with the commitment', async () => {
      const { user, events, container } = renderDecision(<IndependentJudgement />, {
        plan: makePlan({ checklist }),
      });
      await user.click(screen.getByRole('radio', { name: 'Reject' }));
      await user.click(screen.getByRole('radio', { name: 'Rather sure' }));
      // The field stops at the protocol's limit for free text, so a step can never be refused for it.
      expect(screen.getByRole('textbox', { name: 'Your reasoning (optional)' })).toHaveAttribute(
        'maxlength',
        '20000',
      );
      await user.type(
        screen.getByRole('textbox', { name: 'Your reasoning (optional)' }),
        'Income above the limit.',
      );
      await user.click(screen.getByRole('checkbox', { name: 'Income documents checked' }));
      await user.click(screen.getByRole('checkbox', { name: 'Rent contract checked' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));

      const [committed] = ofType(events, 'judgement.committed');
      const judgement = { label: 'reject', confidence: 0.7 };
      // A salted (version 2) commitment: the salt is the one the event carries.
      const salt = (committed?.data as { salt?: string } | undefined)?.salt ?? '';
      expect(salt).toMatch(/^[0-9a-f]{32,128}$/);
      expect(committed?.data).toEqual({
        judgement,
        rationale: 'Income above the limit.',
        commitment: judgementCommitment('d-1', judgement, 'Income above the limit.', salt),
        commitmentVersion: 2,
        salt,
        checklist: ['income', 'rent'],
      });

      // Read-only: no inputs left, the record is text, focus is on it.
      const root = container.querySelector('.dlb-judgement');
      expect(root).toHaveAttribute('data-state', 'committed');
      expect(within(root as HTMLElement).queryByRole('radio')).toBeNull();
      expect(within(root as HTMLElement).queryByRole('textbox')).toBeNull();
      expect(within(root as HTMLElement).queryByRole('button')).toBeNull();
      expect(screen.getByText('Your assessment has been recorded')).toHaveFocus();
      expect(root).toHaveTextContent('Your assessmentReject');
      expect(root).toHaveTextContent('How sure you wereRather sure');
      expect(root).toHaveTextContent('Your reasoningIncome above the limit.');
      const commitment = committed?.data.commitment ?? '';
      expect(screen.getByText(/^Recorded \d{1,2}:\d{2}( [AP]M)? · [0-9a-f]{4}…$/)).toHaveTextContent(
        `· ${commitment.slice(0, 4)}…`,
      );
    });

    it('asks for a choice first, next to the options, and moves focus there', async () => {
      const { user, events } = renderDecision(<IndependentJudgement />);
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(screen.getByText('Choose your assessment first.')).toBeInTheDocument();
      expect(screen.getByRole('group', { name: 'Your own assessment' })).toHaveAccessibleDescription(
        expect.stringContaining('Choose your assessment first.'),
      );
      expect(screen.getByRole('radio', { name: 'Approve' })).toHaveFocus();
      expect(ofType(events, 'judgement.committed')).toHaveLength(0);
    });

    it('refuses to commit while a checklist item is open: says so and moves focus to it', async () => {
      const { user, events } = renderDecision(<IndependentJudgement />, { plan: makePlan({ checklist }) });
      await user.click(screen.getByRole('radio', { name: 'Approve' }));
      await user.click(screen.getByRole('checkbox', { name: 'Income documents checked' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(screen.getByText('Confirm the remaining checklist item.')).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Rent contract checked' })).toHaveFocus();
      expect(screen.getByRole('checkbox', { name: 'Rent contract checked' })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      expect(ofType(events, 'judgement.committed')).toHaveLength(0);

      await user.click(screen.getByRole('checkbox', { name: 'Rent contract checked' }));
      expect(screen.queryByText('Confirm the remaining checklist item.')).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(ofType(events, 'judgement.committed')).toHaveLength(1);
    });

    it('lets onCommit run first and cancel', async () => {
      const onCommit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
      const { user, events } = renderDecision(<IndependentJudgement onCommit={onCommit} />);
      await user.click(screen.getByRole('radio', { name: 'Approve' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(onCommit).toHaveBeenCalledWith(
        expect.objectContaining({ action: { type: 'commit', judgement: { label: 'approve' } } }),
      );
      expect(ofType(events, 'judgement.committed')).toHaveLength(0);
      expect(screen.getByRole('radio', { name: 'Approve' })).toBeChecked();
    });

    it('cannot be edited after commit, nor after the reveal', async () => {
      function TryToChange() {
        const { dispatch } = useDecision();
        return (
          <button type="button" onClick={() => dispatch({ type: 'draft', judgement: { label: 'approve' } })}>
            Try to change
          </button>
        );
      }
      const { user, events } = renderDecision(
        <>
          <IndependentJudgement />
          <TryToChange />
        </>,
      );
      await user.click(screen.getByRole('radio', { name: 'Reject' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(screen.queryByRole('radio')).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Try to change' }));
      expect(screen.getByTestId('probe')).toHaveTextContent('error: judgement-locked');

      await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
      expect(screen.queryByRole('radio')).toBeNull();
      expect(screen.getByText('Your assessment has been recorded').parentElement).toHaveTextContent(
        'Your assessmentReject',
      );
      expect(ofType(events, 'judgement.committed')).toHaveLength(1);
    });

    it('is locked, and says why, when the AI was shown before any judgement', async () => {
      const { user, container } = renderDecision(<IndependentJudgement />, {
        plan: makePlan({ reveal: 'immediate' }),
      });
      await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
      expect(container.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'locked');
      expect(
        screen.getByText(
          'The AI’s recommendation has already been shown, so an independent assessment can no longer be recorded.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('radio')).toBeNull();
    });

    it('is unavailable without options to judge between', () => {
      const { container } = renderDecision(<IndependentJudgement />, { recommendation: null });
      expect(container.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'unavailable');
    });

    it('steps aside for the final step when there is no recommendation from the start', () => {
      const { container } = renderDecision(<IndependentJudgement />, {
        recommendation: null,
        options: {
          kind: 'choice',
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ],
        },
      });
      expect(container.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'skipped');
      expect(
        screen.getByText(
          'You are deciding without the AI, so no assessment is needed beforehand: record your decision in the final step.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('radio')).toBeNull();
    });

    it('takes the options from the procedure while the recommendation is still pending', async () => {
      const { user, events } = renderDecision(<IndependentJudgement />, {
        recommendation: 'pending',
        recommendationTimeoutMs: Infinity,
        options: {
          kind: 'choice',
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ],
        },
      });
      await user.click(screen.getByRole('radio', { name: 'No' }));
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ label: 'no' });
    });
  });

  describe('for a numeric decision', () => {
    it('reads a German amount with a decimal comma', async () => {
      const { user, events } = renderDecision(<IndependentJudgement />, {
        recommendation: rentEstimate,
        locale: 'de',
      });
      await user.type(screen.getByRole('textbox', { name: 'Ihr Betrag (€ / month)' }), '412,50');
      await user.click(screen.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
      expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ value: 412.5 });
      expect(screen.getByText('Ihre Einschätzung ist festgehalten').parentElement).toHaveTextContent(
        'Ihre Einschätzung412,50 € / month',
      );
    });

    it('rejects "412.50" in German rather than reading it as 41 250, and says how to write it', async () => {
      const { user, events } = renderDecision(<IndependentJudgement />, {
        recommendation: rentEstimate,
        locale: 'de',
      });
      const input = screen.getByRole('textbox', { name: 'Ihr Betrag (€ / month)' });
      await user.type(input, '412.50');
      await user.click(screen.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
      expect(input).toHaveFocus();
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(
        expect.stringContaining(
          'Das ist keine Zahl. Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
        ),
      );
      expect(ofType(events, 'judgement.committed')).toHaveLength(0);
    });

    it.each(['de', 'en'] as const)(
      'explains the format in words without a sample amount that could anchor the estimate (%s)',
      async (locale) => {
        const { user } = renderDecision(<IndependentJudgement />, { recommendation: rentEstimate, locale });
        const input = screen.getByRole('textbox', { name: /(Ihr Betrag|Your amount)/ });
        expect(input).toHaveAccessibleDescription(
          expect.stringContaining(
            locale === 'de'
              ? 'Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.'
              : 'Enter the amount in digits, with a point before any decimals.',
          ),
        );
        await user.type(input, 'about four hundred');
        await user.click(screen.getByRole('button', { name: /(festhalten|Record my assessment)/ }));
        expect(input).toHaveAttribute('aria-invalid', 'true');
        const description = (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
        expect(description).toContain(locale === 'de' ? 'Das ist keine Zahl.' : 'This is not a number.');
        expect(description).not.toMatch(/\d/);
      },
    );

    it('reads English grouping', async () => {
      const { user, events } = renderDecision(<IndependentJudgement />, { recommendation: rentEstimate });
      await user.type(screen.getByRole('textbox', { name: 'Your amount (€ / month)' }), '1,234.5');
      await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
      expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ value: 1234.5 });
      expect(screen.getByText('Your assessment has been recorded').parentElement).toHaveTextContent(
        'Your assessment1,234.50 € / month',
      );
    });
  });

  describe('useIndependentJudgement', () => {
    it('gives prop bags that wire a team’s own markup (KoliBri, KERN) with the same behaviour', async () => {
      function OwnDesignSystem() {
        const j = useIndependentJudgement();
        if (j.committed) return <p>Recorded: {j.committed.text}</p>;
        return (
          <div {...j.rootProps}>
            <fieldset {...j.fieldsetProps}>
              <legend {...j.legendProps}>Eigene Einschätzung</legend>
              {j.shape?.kind === 'choice'
                ? j.shape.options.map((option) => (
                    <span key={option.id}>
                      <input {...j.optionProps(option.id)} />
                      <label {...j.optionLabelProps(option.id)}>{option.label.toUpperCase()}</label>
                    </span>
                  ))
                : null}
              {j.errors.decision ? <span {...j.errorProps('decision')}>{j.errors.decision}</span> : null}
            </fieldset>
            <button {...j.commitButtonProps}>Speichern</button>
          </div>
        );
      }
      const { user, events } = renderDecision(<OwnDesignSystem />);
      await user.click(screen.getByRole('button', { name: 'Speichern' }));
      expect(screen.getByRole('group', { name: 'Eigene Einschätzung' })).toHaveAccessibleDescription(
        'Choose your assessment first.',
      );
      await user.click(screen.getByRole('radio', { name: 'REJECT' }));
      await user.click(screen.getByRole('button', { name: 'Speichern' }));
      expect(screen.getByText('Recorded: Reject')).toBeInTheDocument();
      expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ label: 'reject' });
    });
  });
});
