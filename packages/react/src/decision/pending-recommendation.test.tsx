import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DecisionEventDraft, DecisionOptions, FrictionPlan } from '@deliberate/core';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionProvider, useDecision, type DecisionProviderProps } from './decision-provider.tsx';
import { SAFEGUARD_GLOBAL, type SafeguardManifest } from './safeguards.ts';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');

const recommendation = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', probability: 0.8 },
    { id: 'reject', label: 'Reject', probability: 0.2 },
  ],
  recommended: 'approve',
  model: { id: 'm', version: '1' },
  calibration: { calibrated: true },
  explanation: { factors: [{ feature: 'income', label: 'Income', contribution: 0.3 }] },
  reasonCodes: [{ system: 'urn:test', code: 'checked', display: 'Checked' }],
};

/** The procedure's options, in its own order (not the AI's). */
const options: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
    { id: 'request-documents', label: 'Request documents' },
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
  ],
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

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What a custom screen would read from the decision. */
function Probe() {
  const {
    state,
    aiStatus,
    options: space,
    recommendation: rec,
    issues,
    explanation,
    reasonCodes,
    dispatch,
  } = useDecision();
  return (
    <div>
      <p>status: {state.status}</p>
      <p>ai: {aiStatus}</p>
      <p>recommended: {rec?.kind === 'categorical' ? rec.recommended : 'none'}</p>
      <p>options: {space?.kind === 'choice' ? space.options.map((o) => o.id).join(',') : String(space)}</p>
      <p>issues: {issues.map((issue) => `${issue.code}@${issue.path.join('.')}`).join(',')}</p>
      <p>explanation: {explanation === undefined ? 'none' : 'given'}</p>
      <p>reasons: {reasonCodes.map((reason) => reason.code).join(',')}</p>
      <p>commitment: {state.judgement?.commitment ?? 'none'}</p>
      <button type="button" onClick={() => dispatch({ type: 'commit', judgement: { label: 'reject' } })}>
        commit
      </button>
    </div>
  );
}

/** `resolvePlan`: no fixed plan, the provider resolves one from the policy and the stakes. */
function renderDecision(
  { resolvePlan = false, ...props }: Partial<DecisionProviderProps> & { resolvePlan?: boolean } = {},
  wrap = (node: ReactNode) => node,
) {
  const events: DecisionEventDraft[] = [];
  const element = (extra: Partial<DecisionProviderProps> = {}) =>
    wrap(
      <DecisionProvider
        recommendation={recommendation}
        decisionId="d-1"
        procedure="test.procedure"
        caseRef="case-1"
        actor={{ id: 'a-1', role: 'caseworker' }}
        clock={{ now: () => T0 }}
        {...(resolvePlan ? {} : { plan })}
        onEvents={(batch) => events.push(...batch)}
        {...props}
        {...extra}
      >
        {props.children ?? <Probe />}
      </DecisionProvider>,
    );
  const result = render(element());
  return {
    ...result,
    events,
    types: () => events.map((event) => event.type),
    rerenderWith: (extra: Partial<DecisionProviderProps>) => result.rerender(element(extra)),
  };
}

const text = (pattern: RegExp) => screen.getByText(pattern).textContent;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (window as unknown as Record<string, unknown>)[SAFEGUARD_GLOBAL];
});

describe('DecisionProvider options', () => {
  it('passes the procedure’s options to the decision, in the procedure’s order', () => {
    renderDecision({ options });
    expect(text(/^options:/)).toBe('options: reject,request-documents,approve');
    expect(text(/^status:/)).toBe('status: opened');
    expect(text(/^ai:/)).toBe('ai: ready');
  });

  it('without options, offers the recommendation’s', () => {
    renderDecision();
    expect(text(/^options:/)).toBe('options: approve,reject');
  });

  it('sets a recommendation that names an option the procedure lacks aside: recommendation.invalid, without AI', () => {
    const narrow: DecisionOptions = {
      kind: 'choice',
      options: [
        { id: 'approve', label: 'Approve' },
        { id: 'deny', label: 'Deny' },
      ],
    };
    const { events, types } = renderDecision({ options: narrow });
    expect(types()).toEqual(['decision.opened', 'recommendation.invalid']);
    const invalid = events[1] as DecisionEventDraft<'recommendation.invalid'>;
    expect(invalid.data.issues).toEqual([
      expect.objectContaining({ code: 'unknown_option', path: ['options', 1, 'id'] }),
    ]);
    expect(text(/^status:/)).toBe('status: without-ai');
    expect(text(/^ai:/)).toBe('ai: unavailable');
    expect(text(/^recommended:/)).toBe('recommended: none');
    // The person decides between the procedure's options; nothing of the set-aside advice remains.
    expect(text(/^options:/)).toBe('options: approve,deny');
    expect(text(/^issues:/)).toBe('issues: unknown_option@options.1.id');
    expect(text(/^explanation:/)).toBe('explanation: none');
    expect(text(/^reasons:/)).not.toContain('checked');
  });

  it('reports invalid options as ui.error, warns the developer, and goes on with the recommendation’s', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = {
      kind: 'choice',
      options: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ],
    };
    const { events, types } = renderDecision({ options: broken as DecisionOptions });
    expect(types()).toEqual(['decision.opened', 'ui.error']);
    expect(events[1]?.data).toEqual({
      component: 'DecisionProvider',
      message: expect.stringContaining('The option id "a" appears twice. (at options.options.1.id)'),
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('options.options.1.id'));
    expect(text(/^status:/)).toBe('status: opened');
    expect(text(/^options:/)).toBe('options: approve,reject');
  });

  it('reports invalid options once under StrictMode', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { types } = renderDecision(
      { options: { kind: 'amount' } as unknown as DecisionOptions },
      (node) => <StrictMode>{node}</StrictMode>,
    );
    expect(types()).toEqual(['decision.opened', 'ui.error']);
  });
});

describe('DecisionProvider with a pending recommendation (a promise)', () => {
  it('opens at once, says the AI is pending, and resolves the same plan as with the recommendation given', () => {
    const pending = renderDecision({ recommendation: deferred().promise, resolvePlan: true, options });
    const opened = pending.events[0] as DecisionEventDraft<'decision.opened'>;
    expect(opened.data).toMatchObject({ recommendationPending: true, policy: { id: 'deliberate.default' } });
    expect(text(/^status:/)).toBe('status: opened');
    expect(text(/^ai:/)).toBe('ai: pending');
    expect(text(/^recommended:/)).toBe('recommended: none');
    expect(text(/^options:/)).toBe('options: reject,request-documents,approve');
    pending.unmount();
    // Nothing of the AI's output chooses the plan: given at once, the same plan is logged.
    const given = renderDecision({ resolvePlan: true, options });
    expect((given.events[0] as DecisionEventDraft<'decision.opened'>).data.policy).toEqual(
      opened.data.policy,
    );
  });

  it('lets the person commit first; the recommendation that arrives later leaves the commitment as it was', async () => {
    const pending = deferred<unknown>();
    const { types } = renderDecision({ recommendation: pending.promise, options });
    fireEvent.click(screen.getByRole('button', { name: 'commit' }));
    expect(text(/^status:/)).toBe('status: committed');
    const commitment = text(/^commitment:/);
    expect(commitment).toMatch(/^commitment: [0-9a-f]{64}$/);

    await act(async () => pending.resolve(recommendation));
    expect(text(/^ai:/)).toBe('ai: ready');
    expect(text(/^recommended:/)).toBe('recommended: approve');
    expect(text(/^status:/)).toBe('status: committed');
    expect(text(/^commitment:/)).toBe(commitment);
    // Derived from the arrived recommendation, not fixed at open.
    expect(text(/^explanation:/)).toBe('explanation: given');
    expect(text(/^reasons:/)).toBe('reasons: checked');
    expect(types()).toEqual(['decision.opened', 'judgement.committed']);
  });

  it('validates what arrives as a value would be: invalid input is logged and the person decides without AI', async () => {
    const pending = deferred<unknown>();
    const { events, types } = renderDecision({ recommendation: pending.promise, options });
    await act(async () => pending.resolve({ ...recommendation, recommended: 'grant' }));
    expect(types()).toEqual(['decision.opened', 'recommendation.invalid']);
    expect(JSON.stringify(events[1]?.data)).toContain('grant');
    expect(text(/^status:/)).toBe('status: without-ai');
    expect(text(/^ai:/)).toBe('ai: unavailable');
  });

  it('logs recommendation.unavailable (rejected) when the promise rejects, and goes on without AI', async () => {
    const pending = deferred<unknown>();
    const { events, types } = renderDecision({ recommendation: pending.promise });
    await act(async () => pending.reject(new Error('model service 503')));
    expect(types()).toEqual(['decision.opened', 'recommendation.unavailable']);
    expect(events[1]?.data).toEqual({ cause: 'rejected', message: 'model service 503' });
    expect(events[1]?.ts).toBe(new Date(T0).toISOString());
    expect(text(/^status:/)).toBe('status: without-ai');
    expect(text(/^ai:/)).toBe('ai: unavailable');
  });

  it('times out after recommendationTimeoutMs when the promise never settles', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { events, types } = renderDecision({
      recommendation: new Promise(() => undefined),
      recommendationTimeoutMs: 5_000,
    });
    act(() => vi.advanceTimersByTime(4_999));
    expect(types()).toEqual(['decision.opened']);
    act(() => vi.advanceTimersByTime(1));
    expect(types()).toEqual(['decision.opened', 'recommendation.unavailable']);
    expect(events[1]?.data).toMatchObject({ cause: 'timeout' });
    expect(text(/^status:/)).toBe('status: without-ai');
  });

  it('waits 30 seconds by default', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { types } = renderDecision({ recommendation: new Promise(() => undefined) });
    act(() => vi.advanceTimersByTime(29_999));
    expect(types()).toEqual(['decision.opened']);
    act(() => vi.advanceTimersByTime(1));
    expect(types()).toEqual(['decision.opened', 'recommendation.unavailable']);
  });

  it('ignores a recommendation that arrives after the timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = deferred<unknown>();
    const { types } = renderDecision({ recommendation: pending.promise, recommendationTimeoutMs: 100 });
    act(() => vi.advanceTimersByTime(100));
    await act(async () => pending.resolve(recommendation));
    expect(types()).toEqual(['decision.opened', 'recommendation.unavailable']);
    expect(text(/^recommended:/)).toBe('recommended: none');
    expect(text(/^status:/)).toBe('status: without-ai');
  });

  it('does nothing when the promise settles after unmount', async () => {
    const pending = deferred<unknown>();
    const { types, unmount } = renderDecision({ recommendation: pending.promise });
    unmount();
    await act(async () => pending.reject(new Error('late')));
    expect(types()).toEqual(['decision.opened']);
  });

  it('logs each event once under StrictMode (opening, failure)', async () => {
    const pending = deferred<unknown>();
    const { events, types } = renderDecision({ recommendation: pending.promise }, (node) => (
      <StrictMode>{node}</StrictMode>
    ));
    await act(async () => pending.reject(new Error('down')));
    expect(types()).toEqual(['decision.opened', 'recommendation.unavailable']);
    expect(events[1]?.data).toEqual({ cause: 'rejected', message: 'down' });
  });

  it('times out once under StrictMode', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { types } = renderDecision(
      { recommendation: new Promise(() => undefined), recommendationTimeoutMs: 1_000 },
      (node) => <StrictMode>{node}</StrictMode>,
    );
    act(() => vi.advanceTimersByTime(5_000));
    expect(types()).toEqual(['decision.opened', 'recommendation.unavailable']);
  });

  it('publishes the manifest with no recommendation while pending, then the recommendation once it is ready', async () => {
    const pending = deferred<unknown>();
    renderDecision({ recommendation: pending.promise, logger: { log: async (batch) => batch } });
    const manifest = () =>
      (window as unknown as Record<string, Record<string, SafeguardManifest>>)[SAFEGUARD_GLOBAL]?.['d-1'];
    await waitFor(() => expect(manifest()).toMatchObject({ recommendation: null, aiStatus: 'pending' }));
    await act(async () => pending.resolve(recommendation));
    await waitFor(() =>
      expect(manifest()).toMatchObject({
        recommendation: { kind: 'categorical', calibrated: true },
        aiStatus: 'ready',
      }),
    );
  });
});

describe('DecisionProvider with recommendation="pending"', () => {
  it('takes the next other value as the arrival, and ignores later changes with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { types, rerenderWith } = renderDecision({ recommendation: 'pending', options });
    expect(text(/^ai:/)).toBe('ai: pending');
    rerenderWith({ recommendation: 'pending' });
    expect(text(/^ai:/)).toBe('ai: pending');

    rerenderWith({ recommendation });
    expect(text(/^ai:/)).toBe('ai: ready');
    expect(text(/^recommended:/)).toBe('recommended: approve');
    // The same data again (an inline object literal) is no change.
    rerenderWith({ recommendation: { ...recommendation } });
    expect(warn).not.toHaveBeenCalled();

    rerenderWith({ recommendation: { ...recommendation, recommended: 'reject' } });
    expect(text(/^recommended:/)).toBe('recommended: approve');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('new `key`'));
    expect(types()).toEqual(['decision.opened']);
  });

  it('takes null as “no recommendation after all”: without AI, nothing invalid logged', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { types, rerenderWith } = renderDecision({ recommendation: 'pending', options });
    rerenderWith({ recommendation: null });
    rerenderWith({ recommendation: null });
    expect(warn).not.toHaveBeenCalled();
    expect(text(/^status:/)).toBe('status: without-ai');
    expect(text(/^ai:/)).toBe('ai: unavailable');
    expect(text(/^options:/)).toBe('options: reject,request-documents,approve');
    expect(types()).toEqual(['decision.opened']);
  });

  it('times out when the host never re-renders with the value', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { events } = renderDecision({ recommendation: 'pending', recommendationTimeoutMs: 2_000 });
    act(() => vi.advanceTimersByTime(2_000));
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['decision.opened', expect.anything()],
      ['recommendation.unavailable', expect.objectContaining({ cause: 'timeout' })],
    ]);
  });

  it('in the no-AI arm, does not wait: the decision is without AI from the start', () => {
    const { types, rerenderWith } = renderDecision({
      recommendation: 'pending',
      plan: { ...plan, arm: 'no-ai' },
    });
    expect(text(/^status:/)).toBe('status: without-ai');
    expect(text(/^ai:/)).toBe('ai: unavailable');
    rerenderWith({ recommendation });
    expect(text(/^recommended:/)).toBe('recommended: none');
    expect(types()).toEqual(['decision.opened']);
  });
});
