import { act, fireEvent, render, screen } from '@testing-library/react';
import type { FrictionPlan } from '@deliberate/core';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../messages/index.ts';
import { DecisionAiStatus } from './ai-status.tsx';
import { DecisionProvider, useDecision, type DecisionProviderProps } from './decision-provider.tsx';

const recommendation = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', probability: 0.8 },
    { id: 'reject', label: 'Reject', probability: 0.2 },
  ],
  recommended: 'approve',
  calibration: { calibrated: true },
};

const plan: FrictionPlan = {
  policyId: 'test',
  policyVersion: '1',
  rule: 'fixed',
  stakes: 'high',
  band: 'unknown',
  arm: 'ai',
  audit: false,
  reveal: 'after-judgement',
  justification: 'none',
  minOwnTimeMs: 0,
  checklist: [],
};

function deferred() {
  let resolve!: (value: unknown) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function WithoutAiButton() {
  const { dispatch } = useDecision();
  return (
    <button type="button" onClick={() => dispatch({ type: 'decideWithoutAi' })}>
      decide without AI
    </button>
  );
}

function renderStatus(locale: Locale, props: Partial<DecisionProviderProps> = {}) {
  return render(
    <DecisionProvider
      recommendation={recommendation}
      decisionId="d-1"
      procedure="test.procedure"
      caseRef="case-1"
      actor={{ id: 'a-1' }}
      plan={plan}
      locale={locale}
      {...props}
    >
      <DecisionAiStatus />
      <WithoutAiButton />
    </DecisionProvider>,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DecisionAiStatus', () => {
  it('is a polite, empty live region from the first render while the recommendation is pending', () => {
    renderStatus('en', { recommendation: deferred().promise });
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveAttribute('aria-atomic', 'true');
    expect(region).toHaveAttribute('data-state', 'pending');
    expect(region).toBeEmptyDOMElement();
  });

  it.each([
    ['en', 'The AI recommendation is ready.'],
    ['de', 'Die KI-Empfehlung liegt vor.'],
  ] as const)(
    'announces in %s that the recommendation is ready, and nothing of its content',
    async (locale, said) => {
      const pending = deferred();
      renderStatus(locale, { recommendation: pending.promise });
      await act(async () => pending.resolve(recommendation));
      const region = screen.getByRole('status');
      expect(region).toHaveTextContent(said);
      expect(region.textContent).toBe(said);
      expect(region).toHaveAttribute('data-state', 'ready');
    },
  );

  it.each([
    ['en', 'The AI recommendation is not available. You decide without it.'],
    ['de', 'Die KI-Empfehlung ist nicht verfügbar. Sie entscheiden ohne sie.'],
  ] as const)('announces in %s that a failed recommendation is not available', async (locale, said) => {
    const pending = deferred();
    renderStatus(locale, { recommendation: pending.promise });
    await act(async () => pending.reject(new Error('503')));
    expect(screen.getByRole('status')).toHaveTextContent(said);
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'unavailable');
  });

  it.each([
    ['en', 'The AI recommendation did not arrive in time. You decide without it.'],
    ['de', 'Die KI-Empfehlung kam nicht rechtzeitig. Sie entscheiden ohne sie.'],
  ] as const)('announces in %s that the recommendation timed out', (locale, said) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderStatus(locale, { recommendation: 'pending', recommendationTimeoutMs: 1_000 });
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('status')).toHaveTextContent(said);
  });

  it.each([
    ['en', 'The AI recommendation could not be used. You decide without it.'],
    ['de', 'Die KI-Empfehlung ist nicht verwendbar. Sie entscheiden ohne sie.'],
  ] as const)('announces in %s that an invalid recommendation could not be used', async (locale, said) => {
    const pending = deferred();
    renderStatus(locale, { recommendation: pending.promise });
    await act(async () => pending.resolve({ kind: 'categorical', options: [] }));
    expect(screen.getByRole('status')).toHaveTextContent(said);
  });

  it('says nothing when the recommendation was there from the start', () => {
    renderStatus('en');
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says nothing when the person went on without the AI while it was pending', () => {
    renderStatus('en', { recommendation: deferred().promise });
    fireEvent.click(screen.getByRole('button', { name: 'decide without AI' }));
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'unavailable');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('forwards its ref, spreads props and merges the class name; visible on request', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <DecisionProvider
        recommendation="pending"
        decisionId="d-1"
        procedure="test.procedure"
        caseRef="case-1"
        actor={{ id: 'a-1' }}
        plan={plan}
      >
        <DecisionAiStatus ref={ref} data-testid="ai" className="host" visuallyHidden={false} />
      </DecisionProvider>,
    );
    const region = screen.getByTestId('ai');
    expect(ref.current).toBe(region);
    expect(region).toHaveClass('dlb-ai-status', 'host');
    expect(region).not.toHaveClass('dlb-visually-hidden');
  });

  it('is hidden visually by default', () => {
    renderStatus('en', { recommendation: 'pending' });
    expect(screen.getByRole('status')).toHaveClass('dlb-ai-status', 'dlb-visually-hidden');
  });
});
