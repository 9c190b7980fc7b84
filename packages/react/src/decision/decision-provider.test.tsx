import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DecisionEventDraft, DeliberateEvent, FrictionPlan } from '@deliberate/core';
import { createLogger, createMemorySink } from '@deliberate/log';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DecisionProvider, useDecision, type DecisionProviderProps } from './decision-provider.tsx';
import { DeliberateErrorBoundary } from './error-boundary.tsx';

const recommendation = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', probability: 0.8 },
    { id: 'reject', label: 'Reject', probability: 0.2 },
  ],
  recommended: 'approve',
  model: { id: 'm', version: '1' },
  calibration: { calibrated: true },
};

const basePlan: FrictionPlan = {
  policyId: 'test',
  policyVersion: '1',
  rule: 'fixed',
  stakes: 'medium',
  band: 'medium',
  arm: 'ai',
  audit: false,
  reveal: 'immediate',
  justification: 'none',
  minOwnTimeMs: 0,
  checklist: [],
};

function Status() {
  const { state, issues } = useDecision();
  return (
    <p>
      status: {state.status}; issues: {issues.map((issue) => issue.code).join(',')}
    </p>
  );
}

function renderDecision(props: Partial<DecisionProviderProps> = {}, wrap = (node: React.ReactNode) => node) {
  const events: DecisionEventDraft[] = [];
  const result = render(
    wrap(
      <DecisionProvider
        recommendation={recommendation}
        decisionId="d-1"
        procedure="test.procedure"
        caseRef="case-1"
        actor={{ id: 'a-1', role: 'caseworker' }}
        clock={{ now: () => Date.parse('2026-11-22T10:00:00.000Z') }}
        onEvents={(batch) => events.push(...batch)}
        {...props}
      >
        {props.children ?? <Status />}
      </DecisionProvider>,
    ),
  );
  return { ...result, events };
}

/** The logging warning with its retry button, as a host would render it. */
function LogStatus() {
  const { logError, retryLogging } = useDecision();
  return logError ? (
    <button type="button" onClick={retryLogging}>
      logging failed: {logError.message}
    </button>
  ) : (
    <p>logging ok</p>
  );
}

describe('DecisionProvider', () => {
  it('opens the decision and logs decision.opened with the resolved plan once mounted', async () => {
    const { events } = renderDecision({ stakes: 'high' });
    expect(screen.getByText(/status: opened/)).toBeInTheDocument();
    await waitFor(() => expect(events.map((e) => e.type)).toEqual(['decision.opened']));
    const opened = events[0] as DecisionEventDraft<'decision.opened'>;
    expect(opened.data.policy).toMatchObject({
      id: 'deliberate.default',
      reveal: 'after-judgement',
      justification: 'always',
    });
    expect(opened.model).toEqual({ id: 'm', version: '1' });
  });

  it('logs the opening once under StrictMode, although React renders twice', async () => {
    const logger = { log: vi.fn(async (_batch: DecisionEventDraft[]) => undefined) };
    renderDecision({ plan: basePlan, logger }, (node) => <StrictMode>{node}</StrictMode>);
    await waitFor(() => expect(logger.log).toHaveBeenCalled());
    const logged = logger.log.mock.calls.flatMap(([batch]) => batch);
    expect(logged.filter((e) => e.type === 'decision.opened')).toHaveLength(1);
  });

  it('shows an invalid recommendation as problems, decides without AI, and logs recommendation.invalid', async () => {
    const { events } = renderDecision({
      plan: basePlan,
      recommendation: { ...recommendation, recommended: 'grant' },
    });
    expect(screen.getByText(/status: without-ai; issues: unknown_option/)).toBeInTheDocument();
    await waitFor(() =>
      expect(events.map((e) => e.type)).toEqual(['decision.opened', 'recommendation.invalid']),
    );
    expect(JSON.stringify(events[1]?.data)).toContain('grant');
  });

  it('treats a missing recommendation (null) as a decision without AI and logs no problem', async () => {
    const { events } = renderDecision({ plan: basePlan, recommendation: null });
    expect(screen.getByText(/status: without-ai; issues:$/)).toBeInTheDocument();
    await waitFor(() => expect(events.map((e) => e.type)).toEqual(['decision.opened']));
  });

  it('surfaces a logger failure and delivers the held events when logging is retried', async () => {
    let fail = true;
    const delivered: DecisionEventDraft[] = [];
    const logger = {
      log: vi.fn(async (batch: DecisionEventDraft[]) => {
        if (fail) throw new Error('outbox full');
        delivered.push(...batch);
      }),
    };
    renderDecision({ plan: basePlan, logger, children: <LogStatus /> });
    const retry = await screen.findByRole('button', { name: /logging failed: outbox full/ });
    fail = false;
    retry.click();
    await screen.findByText('logging ok');
    expect(delivered.map((e) => e.type)).toEqual(['decision.opened']);
  });

  it('with a logger that keeps what it could not deliver, records every step once after a failure', async () => {
    let fail = true;
    const stored: DeliberateEvent[] = [];
    const logger = createLogger({
      pseudonymize: false,
      sinks: [
        {
          write: async (events: readonly DeliberateEvent[]) => {
            if (fail) throw new Error('outbox full');
            stored.push(...events);
          },
        },
      ],
    });
    renderDecision({ plan: basePlan, logger, children: <LogStatus /> });
    const retry = await screen.findByRole('button', { name: /logging failed: outbox full/ });
    fail = false;
    retry.click();
    await screen.findByText('logging ok');
    // The logger delivered the held event itself; the provider did not log the draft again.
    expect(stored.map((e) => e.type)).toEqual(['decision.opened']);
    expect(stored.map((e) => e.seq)).toEqual([0]);
  });

  it('keeps a crashing part inside its boundary and logs ui.error', async () => {
    function Broken(): React.ReactNode {
      throw new Error('kaputt');
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { events } = renderDecision({
      plan: basePlan,
      locale: 'en',
      children: (
        <>
          <DeliberateErrorBoundary component="Broken">
            <Broken />
          </DeliberateErrorBoundary>
          <Status />
        </>
      ),
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This part of the decision screen could not be shown',
    );
    expect(screen.getByText(/status: opened/)).toBeInTheDocument();
    await waitFor(() => expect(events.map((e) => e.type)).toContain('ui.error'));
    expect(events.find((e) => e.type === 'ui.error')?.data).toEqual({
      component: 'Broken',
      message: 'kaputt',
    });
  });

  it('gives the plan in force, as core adapts it at the reveal', () => {
    function PlanProbe() {
      const { state, plan, dispatch } = useDecision();
      const reveal = () =>
        dispatch({ type: 'reveal', requested: true, display: { format: 'verbal', text: 'likely' } });
      return (
        <div>
          <p>plan follows the state: {plan === state.plan ? 'yes' : 'no'}</p>
          <button type="button" onClick={reveal}>
            reveal
          </button>
        </div>
      );
    }
    const { events } = renderDecision({ plan: basePlan, children: <PlanProbe /> });
    fireEvent.click(screen.getByRole('button', { name: 'reveal' }));
    expect(events.map((e) => e.type)).toContain('recommendation.revealed');
    expect(screen.getByText(/plan follows/)).toHaveTextContent('plan follows the state: yes');
  });

  it('tells a developer who forgot the provider which component needs it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Status />)).toThrow('`useDecision` must be used within `DecisionProvider`.');
  });

  describe('onEvents', () => {
    const key = 'a-test-key-of-32-bytes-for-hmac!';

    it('hands out what the logger logged — pseudonyms, never the raw actor id or case reference', async () => {
      const memory = createMemorySink();
      const logger = createLogger({ sinks: [memory], pseudonymize: { key } });
      const { events } = renderDecision({
        plan: basePlan,
        actor: { id: 'max.mustermann@amt.example', role: 'caseworker' },
        caseRef: 'AZ-2026-000123',
        logger,
      });
      await waitFor(() => expect(events.map((e) => e.type)).toEqual(['decision.opened']));
      const [handed] = events as DeliberateEvent[];
      const [stored] = memory.events.get();
      // The same event the log holds: stamped and hashed, with the pseudonyms.
      expect(handed).toEqual(stored);
      expect(handed?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(events)).not.toContain('max.mustermann');
      expect(JSON.stringify(events)).not.toContain('AZ-2026-000123');
      expect(handed?.actor.role).toBe('caseworker');
    });

    it('is not called with the drafts when the logger does not report what it logged, and says why', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const logger = { log: vi.fn(async (_batch: DecisionEventDraft[]) => undefined) };
      const { events } = renderDecision({ plan: basePlan, actor: { id: 'raw-actor' }, logger });
      await waitFor(() => expect(logger.log).toHaveBeenCalled());
      await waitFor(() =>
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('onEvents is not called')),
      );
      expect(events).toEqual([]);
    });

    it('without a logger, hands out the drafts with the identities the host gave, and nothing logged', async () => {
      const { events } = renderDecision({ plan: basePlan, actor: { id: 'a-1' }, caseRef: 'case-1' });
      await waitFor(() => expect(events).toHaveLength(1));
      expect(events[0]).toMatchObject({ actor: { id: 'a-1' }, caseRef: 'case-1' });
      expect(events[0]).not.toHaveProperty('hash');
    });
  });
});
