import type { DecisionEventDraft, DecisionOptions } from '@deliberate/core';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionProvider, useDecision, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { Probe, RevealButton, T0, housingBenefit, makePlan } from '../testing/decision-fixtures.tsx';
import { IndependentJudgement } from './independent-judgement.tsx';

/*
 * The judgement step with the procedure's options (DecisionProvider `options`): their order, a
 * recommendation that does not fit them, a pending or failed recommendation, no options at all,
 * deciding without the AI, and the numeric range.
 */

const procedureOptions: DecisionOptions = {
  kind: 'choice',
  options: housingBenefit.options.map(({ id, label, labels }) => ({ id, label, labels })),
};

type Props = Partial<Omit<DecisionProviderProps, 'children'>>;

function decision(ui: ReactNode, props: Props, onEvents: (batch: DecisionEventDraft[]) => void) {
  return (
    <DecisionProvider
      recommendation={housingBenefit}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={makePlan()}
      locale="en"
      clock={{ now: () => T0 }}
      onEvents={onEvents}
      {...props}
    >
      {ui}
      <RevealButton />
      <Probe />
    </DecisionProvider>
  );
}

function renderDecision(ui: ReactNode, props: Props = {}) {
  const events: DecisionEventDraft[] = [];
  const onEvents = (batch: DecisionEventDraft[]) => events.push(...batch);
  const result = render(decision(ui, props, onEvents));
  const rerender = (next: Props) => result.rerender(decision(ui, { ...props, ...next }, onEvents));
  return { ...result, rerender, events, user: userEvent.setup() };
}

const ofType = <T extends DecisionEventDraft['type']>(events: DecisionEventDraft[], type: T) =>
  events.filter((event) => event.type === type) as DecisionEventDraft<T>[];

const radioValues = () =>
  within(
    screen.getByRole('group', { name: /^(Your own assessment|Ihre eigene Einschätzung)$/ }),
  ).getAllByRole('radio');
const dataState = (container: HTMLElement) =>
  container.querySelector('.dlb-judgement')?.getAttribute('data-state');

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('IndependentJudgement with the procedure’s options', () => {
  it('shows them in the procedure’s order in German, although label order and the source differ', () => {
    const sortedBySource = { ...housingBenefit, options: [...housingBenefit.options].reverse() };
    renderDecision(<IndependentJudgement />, {
      locale: 'de',
      recommendation: sortedBySource,
      options: procedureOptions,
    });
    expect(radioValues().map((radio) => radio.getAttribute('value'))).toEqual([
      'approve',
      'reject',
      'request-documents',
    ]);
  });

  it('refuses a recommendation that names an option the procedure does not offer; the judgement step steps aside for the final step', () => {
    const superset = {
      ...housingBenefit,
      options: [
        ...housingBenefit.options.map((option) => ({ ...option, probability: option.probability - 0.02 })),
        { id: 'defer', label: 'Defer', probability: 0.06 },
      ],
    };
    const { events, container } = renderDecision(<IndependentJudgement />, {
      recommendation: superset,
      options: procedureOptions,
    });
    const [invalid] = ofType(events, 'recommendation.invalid');
    expect(JSON.stringify(invalid?.data)).toContain('unknown_option');
    expect(screen.getByTestId('probe')).toHaveTextContent('status: without-ai');
    // Without a usable recommendation from the start, the decision is asked once, in the final
    // step (with the procedure's options); an "assessment before the AI" would repeat it.
    expect(dataState(container)).toBe('skipped');
    expect(screen.queryByRole('radio', { name: 'Defer' })).toBeNull();
  });

  it('lets the person judge and commit while the recommendation is pending; it joins afterwards', async () => {
    const pending = deferred<unknown>();
    const { user, events, container } = renderDecision(<IndependentJudgement />, {
      recommendation: pending.promise,
      options: procedureOptions,
    });
    expect(dataState(container)).toBe('empty');
    expect(container.querySelector('.dlb-judgement')).not.toHaveTextContent(/AI recommendation|pending/i);
    await user.click(screen.getByRole('radio', { name: 'Request documents' }));
    await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
    expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ label: 'request-documents' });
    expect(dataState(container)).toBe('committed');

    await act(async () => {
      pending.resolve(housingBenefit);
      await pending.promise;
    });
    await user.click(screen.getByRole('button', { name: 'Show the AI’s recommendation' }));
    expect(screen.getByTestId('probe')).toHaveTextContent('status: revealed; error: none');
    expect(ofType(events, 'judgement.committed')).toHaveLength(1);
    expect(screen.getByText('Your assessment has been recorded').parentElement).toHaveTextContent(
      'Your assessmentRequest documents',
    );
  });

  it('keeps what the person entered when the AI fails, and still records it', async () => {
    const pending = deferred<unknown>();
    const { user, events, container } = renderDecision(<IndependentJudgement />, {
      recommendation: pending.promise,
      options: procedureOptions,
    });
    await user.click(screen.getByRole('radio', { name: 'Approve' }));
    await act(async () => {
      pending.reject(new Error('model server down'));
      await pending.promise.catch(() => undefined);
    });
    expect(screen.getByTestId('probe')).toHaveTextContent('status: without-ai');
    expect(dataState(container)).toBe('drafting');
    expect(screen.getByRole('radio', { name: 'Approve' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
    expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ label: 'approve' });
  });
});

describe('IndependentJudgement without options', () => {
  it.each([
    [
      'en',
      'The procedure has given no options for this decision, so no independent assessment can be recorded here.',
    ],
    [
      'de',
      'Das Verfahren hat für diese Entscheidung keine Optionen vorgegeben; eine unabhängige Einschätzung kann hier daher nicht festgehalten werden.',
    ],
  ] as const)('says so (%s) and warns the developer once', (locale, text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { container, rerender } = renderDecision(<IndependentJudgement />, {
      recommendation: null,
      locale,
    });
    expect(dataState(container)).toBe('unavailable');
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: /Record my assessment|festhalten/ })).toBeNull();
    rerender({ uiVariant: 'again' });
    const mine = warn.mock.calls.filter(([message]) => String(message).includes('IndependentJudgement'));
    expect(mine).toHaveLength(1);
    expect(String(mine[0]?.[0])).toContain('Pass the procedure’s options');
  });

  it('waits for the options of a pending recommendation, then offers them in a neutral order', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { container, rerender } = renderDecision(<IndependentJudgement />, {
      recommendation: 'pending',
      locale: 'de',
    });
    expect(dataState(container)).toBe('unavailable');
    expect(
      screen.getByText(
        'Das Verfahren hat für diese Entscheidung keine Optionen vorgegeben; sie werden aus der KI-Empfehlung übernommen, sobald diese vorliegt. Bis dahin kann keine unabhängige Einschätzung festgehalten werden.',
      ),
    ).toBeInTheDocument();
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain('pending');

    await act(async () => {
      rerender({ recommendation: housingBenefit });
      await Promise.resolve();
    });
    expect(dataState(container)).toBe('empty');
    // By label ("Ablehnen" first), not in the payload's order, which may follow the AI.
    expect(radioValues().map((radio) => radio.getAttribute('value'))).toEqual([
      'reject',
      'approve',
      'request-documents',
    ]);
  });
});

describe('IndependentJudgement when deciding without the AI', () => {
  function DecideWithoutAi() {
    const { dispatch } = useDecision();
    return (
      <button type="button" onClick={() => dispatch({ type: 'decideWithoutAi' })}>
        Decide without AI
      </button>
    );
  }

  it('steps aside when the person chose to decide without the AI before judging', async () => {
    const { user, container } = renderDecision(
      <>
        <IndependentJudgement />
        <DecideWithoutAi />
      </>,
      { options: procedureOptions },
    );
    await user.click(screen.getByRole('button', { name: 'Decide without AI' }));
    expect(dataState(container)).toBe('skipped');
    expect(
      screen.getByText(
        'You are deciding without the AI, so no assessment is needed beforehand: record your decision in the final step.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('keeps the form when the person had already started', async () => {
    const { user, events, container } = renderDecision(
      <>
        <IndependentJudgement />
        <DecideWithoutAi />
      </>,
      { options: procedureOptions },
    );
    await user.click(screen.getByRole('radio', { name: 'Reject' }));
    await user.click(screen.getByRole('button', { name: 'Decide without AI' }));
    expect(dataState(container)).toBe('drafting');
    await user.click(screen.getByRole('button', { name: 'Record my assessment' }));
    expect(ofType(events, 'judgement.committed')).toHaveLength(1);
  });

  it('offers judging first in the no-AI arm, as in the AI arm', () => {
    const { container } = renderDecision(<IndependentJudgement />, {
      plan: makePlan({ arm: 'no-ai' }),
      options: procedureOptions,
    });
    expect(screen.getByTestId('probe')).toHaveTextContent('status: without-ai');
    expect(dataState(container)).toBe('empty');
    expect(
      within(screen.getByRole('group', { name: 'Your own assessment' })).getAllByRole('radio'),
    ).toHaveLength(3);
  });
});

describe('IndependentJudgement for an amount in the procedure’s range', () => {
  const amount: DecisionOptions = { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 };

  it('names the range and step next to the field (en, de)', () => {
    const { unmount } = renderDecision(<IndependentJudgement />, {
      recommendation: 'pending',
      options: amount,
      recommendationTimeoutMs: Infinity,
    });
    expect(screen.getByRole('textbox', { name: 'Your amount (EUR)' })).toHaveAccessibleDescription(
      expect.stringContaining('Allowed: €0 to €2,000. In steps of €0.01.'),
    );
    expect(screen.getByRole('textbox', { name: 'Your amount (EUR)' })).toHaveAttribute(
      'inputmode',
      'decimal',
    );
    expect(screen.getByRole('textbox', { name: 'Your amount (EUR)' })).toBeRequired();
    unmount();
    renderDecision(<IndependentJudgement />, {
      recommendation: 'pending',
      recommendationTimeoutMs: Infinity,
      options: amount,
      locale: 'de',
    });
    expect(screen.getByRole('textbox', { name: 'Ihr Betrag (EUR)' })).toHaveAccessibleDescription(
      // Intl puts a no-break space before the euro sign.
      expect.stringMatching(/Zulässig: 0\s€ bis 2\.000\s€\. In Schritten von 0,01\s€\./),
    );
  });

  it('refuses an amount outside the range or between steps, says why at the field, and records one inside', async () => {
    const { user, events } = renderDecision(<IndependentJudgement />, {
      recommendation: 'pending',
      recommendationTimeoutMs: Infinity,
      options: amount,
    });
    const input = screen.getByRole('textbox', { name: 'Your amount (EUR)' });
    const commit = screen.getByRole('button', { name: 'Record my assessment' });

    await user.type(input, '2,500');
    await user.click(commit);
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Enter an amount from €0 to €2,000.'));
    expect(ofType(events, 'judgement.committed')).toHaveLength(0);

    await user.clear(input);
    await user.type(input, '412.505');
    await user.click(commit);
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Enter the amount in steps of €0.01.'));
    expect(ofType(events, 'judgement.committed')).toHaveLength(0);

    await user.clear(input);
    await user.type(input, '412.50');
    await user.click(commit);
    expect(ofType(events, 'judgement.committed')[0]?.data.judgement).toEqual({ value: 412.5 });
    expect(screen.getByText('Your assessment has been recorded').parentElement).toHaveTextContent(
      'Your assessment€412.50',
    );
  });

  it('keeps an amount outside the range out of the protocol’s draft', async () => {
    function DraftProbe() {
      const { state, lastError } = useDecision();
      return (
        <p data-testid="draft">
          {JSON.stringify(state.draft ?? null)} {lastError?.code ?? 'none'}
        </p>
      );
    }
    const { user } = renderDecision(
      <>
        <IndependentJudgement />
        <DraftProbe />
      </>,
      { recommendation: 'pending', options: amount, recommendationTimeoutMs: Infinity },
    );
    await user.type(screen.getByRole('textbox', { name: 'Your amount (EUR)' }), '2001');
    expect(screen.getByTestId('draft')).toHaveTextContent('{} none');
  });
});
