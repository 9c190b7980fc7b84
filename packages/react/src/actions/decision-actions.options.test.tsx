import type { DecisionEventDraft, DecisionOptions } from '@deliberate/core';
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createRef, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionProvider, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { Probe, RevealButton, T0, housingBenefit, makePlan } from '../testing/decision-fixtures.tsx';
import { DecisionActions } from './decision-actions.tsx';
import { FinalizeStep } from './finalize-step.tsx';

/*
 * The decision space is the procedure's (docs/architecture.md §1, "A person can always decide"):
 * the actions offer the procedure's options in its order, or its amount with unit and range, with
 * or without a recommendation; with none at all, the person is told plainly and the developer is
 * warned.
 */

const eligibility: DecisionOptions = {
  kind: 'choice',
  // Not alphabetical: the order on screen must be the procedure's.
  options: [
    { id: 'request-documents', label: 'Request documents', labels: { de: 'Unterlagen anfordern' } },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
  ],
};

const measures: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'coaching', label: 'Coaching' },
    { id: 'course-a', label: 'Accounting course' },
    { id: 'course-b', label: 'Welding course' },
    { id: 'job-fair', label: 'Job fair' },
  ],
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

function renderDecision(ui: ReactNode, props: Partial<Omit<DecisionProviderProps, 'children'>> = {}) {
  const events: DecisionEventDraft[] = [];
  const result = render(
    <DecisionProvider
      recommendation={null}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={makePlan({ justification: 'none' })}
      locale="en"
      clock={{ now: () => T0 }}
      onEvents={(batch) => events.push(...batch)}
      {...props}
    >
      {ui}
      <Probe />
    </DecisionProvider>,
  );
  return { ...result, events, user: userEvent.setup() };
}

const finalized = (events: DecisionEventDraft[]) =>
  events.filter(
    (event): event is DecisionEventDraft<'decision.finalized'> => event.type === 'decision.finalized',
  );

/** Presses Tab until the focused element has this accessible name (by label or text). */
async function tabTo(user: UserEvent, name: string): Promise<HTMLElement> {
  for (let i = 0; i < 30; i += 1) {
    await user.tab();
    const element = document.activeElement as HTMLElement;
    const label =
      element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : element.textContent;
    if (label === name) return element;
  }
  throw new Error(`Tab never reached "${name}"`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DecisionActions with the procedure’s options', () => {
  it('records a decision without a recommendation, by keyboard alone, as without-ai / no-recommendation', async () => {
    const { user, events } = renderDecision(<FinalizeStep />, {
      options: eligibility,
      plan: makePlan({ justification: 'override' }),
    });
    expect(
      screen.getByText('There is no usable AI recommendation for this case; decide on your own.'),
    ).toBeInTheDocument();
    const own = screen.getByRole('group', { name: 'Your final decision' });
    expect(
      within(own)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Request documents', 'Reject', 'Approve']);

    await tabTo(user, 'Request documents');
    await user.keyboard(' ');
    expect(within(own).getByRole('radio', { name: 'Request documents' })).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(within(own).getByRole('radio', { name: 'Reject' })).toBeChecked();
    const record = await tabTo(user, 'Record my final decision');
    expect(record).not.toHaveAttribute('aria-disabled');
    await user.keyboard('{Enter}');

    expect(finalized(events)).toHaveLength(1);
    expect(finalized(events)[0]?.data).toMatchObject({
      final: { label: 'reject' },
      outcome: 'without-ai',
      withoutAi: 'no-recommendation',
      reasons: [],
    });
    expect(finalized(events)[0]?.data.recommendation).toBeUndefined();
    expect(document.activeElement).toHaveTextContent(
      'Final decision recorded: Reject. You decided without the AI.',
    );
  });

  it('takes an amount in the procedure’s unit and range and says at the field when it is outside', async () => {
    const { user, events } = renderDecision(<DecisionActions />, {
      options: { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 },
    });
    const amount = screen.getByRole('textbox', { name: 'Your final amount (EUR)' });
    expect(amount).toHaveAttribute('inputmode', 'decimal');
    expect(amount).toHaveAccessibleDescription(
      'Between €0 and €2,000. Enter the amount in digits, with a point before any decimals.',
    );
    await user.type(amount, '2500');
    await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
    expect(amount).toHaveFocus();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(
      'This amount lies outside what this procedure allows. Between €0 and €2,000.',
    );
    expect(finalized(events)).toHaveLength(0);
    await user.clear(amount);
    await user.type(amount, '1200.5');
    expect(amount).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
    expect(finalized(events)[0]?.data).toMatchObject({ final: { value: 1200.5 }, outcome: 'without-ai' });
  });

  it('says plainly that there is nothing to choose from when the procedure gave no options and there is no recommendation', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderDecision(<DecisionActions />);
    const record = screen.getByRole('button', { name: 'Record my final decision' });
    expect(record).toHaveAttribute('aria-disabled', 'true');
    expect(record).toHaveAttribute('data-unavailable', 'no-options');
    expect(record).toHaveAccessibleDescription(
      'There is nothing to choose from: the procedure has not provided the options for this decision. Please tell the team responsible for this procedure.',
    );
    expect(screen.queryByRole('radio')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/no `options` to DecisionProvider/);
  });

  it('offers list items to modify and the procedure’s other options to override a ranked list', async () => {
    const { user, events } = renderDecision(
      <>
        <RevealButton />
        <DecisionActions />
      </>,
      {
        recommendation: ranked,
        options: measures,
        plan: makePlan({ reveal: 'immediate', justification: 'none' }),
      },
    );
    await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
    const list = screen.getByRole('group', { name: 'Another option from the AI’s list' });
    // The procedure's order, without the AI's pick; "Job fair" is not on the AI's list.
    expect(
      within(list)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Coaching', 'Accounting course']);
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Override the recommendation: Job fair' }));
    expect(finalized(events)[0]?.data).toMatchObject({ final: { label: 'job-fair' }, outcome: 'overridden' });
  });

  it('sets aside a recommendation that does not fit the procedure’s options and says so, in German', () => {
    renderDecision(<DecisionActions />, {
      locale: 'de',
      options: eligibility,
      recommendation: { ...housingBenefit, recommended: 'grant-partially' },
    });
    expect(
      screen.getByText(
        'Die Empfehlung der KI für diesen Fall hat die Prüfung nicht bestanden und wird nicht angezeigt; entscheiden Sie selbst.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Ihre Entscheidung' })).toBeInTheDocument();
  });
});

describe('DecisionActions while the recommendation is pending', () => {
  it('waits for the AI, offers to decide without it, and after a timeout records without it', async () => {
    const { user, events } = renderDecision(<DecisionActions />, {
      recommendation: new Promise(() => undefined),
      recommendationTimeoutMs: 30,
      options: eligibility,
    });
    expect(
      screen.getByText(
        'The AI’s recommendation is still being computed. You can record your final decision once it has been shown — or decide without the AI.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decide without the AI' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(
      await screen.findByText('The AI’s recommendation did not arrive in time; decide on your own.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Decide without the AI' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Approve' }));
    await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
    expect(finalized(events)[0]?.data).toMatchObject({
      final: { label: 'approve' },
      outcome: 'without-ai',
      withoutAi: 'recommendation-timeout',
    });
  });
});

describe('DecisionActions while the recommendation is pending, on request', () => {
  it('lets the person decide before the AI arrives, recorded as not requested', async () => {
    const { user, events } = renderDecision(<DecisionActions />, {
      recommendation: 'pending',
      recommendationTimeoutMs: Number.POSITIVE_INFINITY,
      options: eligibility,
      plan: makePlan({ reveal: 'on-request', justification: 'none' }),
    });
    expect(
      screen.getByText(
        'The AI’s recommendation is still being computed. You can look at it once it is ready, or record your final decision without it.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Request documents' }));
    await user.click(screen.getByRole('button', { name: 'Record my final decision' }));
    expect(finalized(events)[0]?.data).toMatchObject({
      final: { label: 'request-documents' },
      outcome: 'without-ai',
      withoutAi: 'not-requested',
    });
  });
});

describe('DecisionActions parts', () => {
  it('forward refs to their element and spread the host’s props over their own', async () => {
    const root = createRef<HTMLDivElement>();
    const accept = createRef<HTMLButtonElement>();
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const { user, events } = renderDecision(
      <>
        <RevealButton />
        <DecisionActions.Root ref={root} data-testid="actions" className="mine">
          <DecisionActions.Accept ref={accept} className="wide" onClick={onClick} />
        </DecisionActions.Root>
      </>,
      { recommendation: housingBenefit, plan: makePlan({ reveal: 'immediate', justification: 'none' }) },
    );
    expect(root.current).toBe(screen.getByTestId('actions'));
    expect(root.current).toHaveClass('dlb-actions', 'mine');
    expect(root.current).toHaveAttribute('role', 'group');
    await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
    expect(accept.current).toBe(screen.getByRole('button', { name: 'Accept the recommendation: Approve' }));
    expect(accept.current).toHaveClass('dlb-button', 'wide');
    // The host's handler runs first and can cancel the part's own behaviour.
    await user.click(accept.current as HTMLButtonElement);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(finalized(events)).toHaveLength(0);
  });
});
