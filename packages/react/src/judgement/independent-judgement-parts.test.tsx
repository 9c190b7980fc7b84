import type { DecisionEventDraft } from '@deliberate/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DecisionProvider, type DecisionProviderProps } from '../decision/decision-provider.tsx';
import { T0, housingBenefit, makePlan, rentEstimate } from '../testing/decision-fixtures.tsx';
import { IndependentJudgement } from './independent-judgement.tsx';

/* The parts forward their refs to their elements and spread the host's props onto them. */

const checklist = [
  { id: 'income', label: { en: 'Income documents checked', de: 'Einkommensnachweise geprüft' } },
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
      plan={makePlan({ checklist, minOwnTimeMs: 20_000 })}
      locale="en"
      clock={{ now: () => T0 }}
      onEvents={(batch) => events.push(...batch)}
      {...props}
    >
      {ui}
    </DecisionProvider>,
  );
  return { ...result, events, user: userEvent.setup() };
}

describe('IndependentJudgement parts', () => {
  it('forward a ref on each part to its element and spread data attributes and classes onto it', async () => {
    const refs = {
      root: createRef<HTMLDivElement>(),
      intro: createRef<HTMLDivElement>(),
      options: createRef<HTMLElement>(),
      confidence: createRef<HTMLFieldSetElement>(),
      rationale: createRef<HTMLDivElement>(),
      checklist: createRef<HTMLFieldSetElement>(),
      commit: createRef<HTMLButtonElement>(),
      summary: createRef<HTMLElement>(),
    };
    const { user } = renderDecision(
      <IndependentJudgement.Root ref={refs.root} data-testid="root" className="host-root">
        <IndependentJudgement.Intro ref={refs.intro} data-testid="intro" className="host-intro" />
        <p id="host-note">Decide from the file, not from memory.</p>
        <IndependentJudgement.Options
          ref={refs.options}
          data-testid="options"
          className="host-options"
          aria-describedby="host-note"
        />
        <IndependentJudgement.Confidence
          ref={refs.confidence}
          data-testid="confidence"
          className="host-confidence"
        />
        <IndependentJudgement.Rationale
          ref={refs.rationale}
          data-testid="rationale"
          className="host-rationale"
        />
        <IndependentJudgement.Checklist
          ref={refs.checklist}
          data-testid="checklist"
          className="host-checklist"
        />
        <IndependentJudgement.Commit ref={refs.commit} data-testid="commit" className="host-commit" />
        <IndependentJudgement.Summary ref={refs.summary} data-testid="summary" className="host-summary" />
      </IndependentJudgement.Root>,
    );
    const parts = [
      ['root', 'dlb-judgement', 'DIV'],
      ['intro', 'dlb-judgement__intro', 'DIV'],
      ['options', 'dlb-judgement__options', 'FIELDSET'],
      ['confidence', 'dlb-judgement__confidence', 'FIELDSET'],
      ['rationale', 'dlb-judgement__rationale', 'DIV'],
      ['checklist', 'dlb-judgement__checklist', 'FIELDSET'],
      ['commit', 'dlb-button', 'BUTTON'],
    ] as const;
    for (const [part, ownClass, tag] of parts) {
      const element = screen.getByTestId(part);
      expect(refs[part].current).toBe(element);
      expect(element.tagName).toBe(tag);
      expect(element).toHaveClass(ownClass, `host-${part}`);
    }
    expect(screen.getByTestId('root')).toHaveAttribute('data-state', 'empty');
    // The host's description is kept beside the part's own.
    const group = screen.getByRole('group', { name: 'Your own assessment' });
    expect(group).toBe(refs.options.current);
    expect(group).toHaveAccessibleDescription(
      expect.stringContaining('Decide from the file, not from memory.'),
    );
    expect(group).toHaveAccessibleDescription(expect.stringContaining('Decide the case yourself'));
    expect(refs.summary.current).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Reject' }));
    await user.click(screen.getByRole('checkbox', { name: 'Income documents checked' }));
    await user.click(screen.getByTestId('commit'));
    const summary = screen.getByTestId('summary');
    expect(refs.summary.current).toBe(summary);
    expect(summary).toHaveClass('dlb-judgement__summary', 'host-summary');
    expect(summary).toHaveTextContent('Your assessmentReject');
    expect(refs.commit.current).toBeNull();
  });

  it('runs the host’s click handler on Commit first, which can cancel the commit', async () => {
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const { user, events } = renderDecision(
      <IndependentJudgement.Root>
        <IndependentJudgement.Options />
        <IndependentJudgement.Checklist />
        <IndependentJudgement.Commit onClick={onClick}>Save my assessment</IndependentJudgement.Commit>
      </IndependentJudgement.Root>,
      { plan: makePlan() },
    );
    await user.click(screen.getByRole('radio', { name: 'Approve' }));
    await user.click(screen.getByRole('button', { name: 'Save my assessment' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(events.filter((event) => event.type === 'judgement.committed')).toHaveLength(0);
  });

  it('forwards the amount part’s ref to its div, the composed component’s to the root, and the summary’s to its note', () => {
    const options = createRef<HTMLElement>();
    const { unmount } = renderDecision(
      <IndependentJudgement.Root>
        <IndependentJudgement.Options ref={options} data-testid="amount" className="host-amount" />
      </IndependentJudgement.Root>,
      { recommendation: rentEstimate },
    );
    expect(options.current).toBe(screen.getByTestId('amount'));
    expect(options.current?.tagName).toBe('DIV');
    expect(options.current).toHaveClass('dlb-judgement__amount', 'host-amount');
    unmount();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const root = createRef<HTMLDivElement>();
    const summary = createRef<HTMLElement>();
    renderDecision(
      <IndependentJudgement ref={root} data-testid="composed">
        <IndependentJudgement.Summary ref={summary} data-testid="note" />
      </IndependentJudgement>,
      { recommendation: null },
    );
    expect(root.current).toBe(screen.getByTestId('composed'));
    expect(summary.current).toBe(screen.getByTestId('note'));
    expect(summary.current?.tagName).toBe('P');
    expect(summary.current).toHaveAttribute('data-state', 'unavailable');
    warn.mockRestore();
  });

  it('no longer takes options as a prop: they stay off the DOM and the developer is told where they go', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const retired = { options: [{ id: 'x', label: 'X' }] } as Record<string, unknown>;
    renderDecision(<IndependentJudgement data-testid="root" {...retired} />);
    expect(screen.getByTestId('root')).not.toHaveAttribute('options');
    expect(warn.mock.calls.map(([message]) => String(message)).join('\n')).toContain(
      'pass the procedure’s options to DecisionProvider as `options`',
    );
    warn.mockRestore();
  });
});
