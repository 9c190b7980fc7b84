import type { DecisionEventDraft, FrictionPlan } from '@deliberate/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { de } from '../messages/de/index.ts';

/*
 * DecisionScreen loads the default explanation panel lazily (docs/architecture.md §1, "Locales
 * and bundle size"). Each test gets fresh modules, so that the panel's code is not loaded yet,
 * and holds the import back until it lets it go.
 */

const PANEL = '../explanation/explanation-panel.tsx';

const recommendation = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' }, probability: 0.82 },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' }, probability: 0.18 },
  ],
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0' },
  calibration: { calibrated: true },
};
const explained = {
  ...recommendation,
  explanation: {
    factors: {
      baseValue: 0.5,
      prediction: 0.82,
      items: [{ id: 'income', label: 'Income', contribution: 0.32 }],
    },
  },
};

function plan(reveal: FrictionPlan['reveal']): FrictionPlan {
  return {
    policyId: 'test',
    policyVersion: '1',
    rule: 'fixed',
    stakes: 'medium',
    band: 'medium',
    arm: 'ai',
    audit: false,
    reveal,
    justification: 'none',
    minOwnTimeMs: 0,
    checklist: [],
  };
}

let imports = 0;
let release: () => void = () => undefined;
let failNext = false;

beforeEach(() => {
  vi.resetModules();
  imports = 0;
  failNext = false;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.doMock(PANEL, async (importOriginal) => {
    imports++;
    await gate;
    if (failNext) {
      failNext = false;
      throw new Error('chunk not reachable');
    }
    return importOriginal();
  });
});

afterEach(() => {
  vi.doUnmock(PANEL);
  vi.resetModules();
});

async function mount(props: { recommendation: unknown; reveal: FrictionPlan['reveal']; explanation?: null }) {
  const { DecisionProvider } = await import('../decision/decision-provider.tsx');
  const { DecisionScreen } = await import('./decision-screen.tsx');
  const events: DecisionEventDraft[] = [];
  const view = render(
    <DecisionProvider
      recommendation={props.recommendation}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1', role: 'caseworker' }}
      plan={plan(props.reveal)}
      onEvents={(batch) => events.push(...batch)}
    >
      {props.explanation === null ? <DecisionScreen explanation={null} /> : <DecisionScreen />}
    </DecisionProvider>,
  );
  return { ...view, events };
}

const region = () => screen.queryByRole('region', { name: de.messages['explanation.title'] });

describe('DecisionScreen’s lazy explanation panel', () => {
  it.each([
    ['carries an explanation', explained],
    ['carries none', recommendation],
  ])(
    'starts loading the panel’s code when the decision opens, whether the recommendation %s',
    async (_, rec) => {
      await mount({ recommendation: rec, reveal: 'after-judgement' });
      await waitFor(() => expect(imports).toBe(1));
      // Still before the reveal: the AI is hidden and nothing of the explanation is there.
      expect(document.querySelector('.dlb-recommendation')).not.toHaveAttribute('data-state', 'revealed');
      expect(region()).not.toBeInTheDocument();
      expect(screen.queryByText(de.messages['screen.explanation.loading'])).not.toBeInTheDocument();
    },
  );

  it('loads nothing when the host replaces the panel', async () => {
    const { events } = await mount({ recommendation: explained, reveal: 'immediate', explanation: null });
    await waitFor(() => expect(events.map((event) => event.type)).toContain('recommendation.revealed'));
    expect(imports).toBe(0);
  });

  it('says politely that the explanation is loading after the reveal, then shows it', async () => {
    await mount({ recommendation: explained, reveal: 'immediate' });
    const status = await screen.findByText(de.messages['screen.explanation.loading']);
    expect(status).toHaveAttribute('role', 'status');
    expect(region()).not.toBeInTheDocument();

    release();
    const panel = await screen.findByRole('region', { name: de.messages['explanation.title'] });
    expect(within(panel).getByRole('button', { name: /Faktoren/ })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(de.messages['screen.explanation.loading'])).not.toBeInTheDocument();
  });

  it('keeps a failed import inside the screen, logs it, and tries again with the next screen', async () => {
    failNext = true;
    release();
    // React reports the error the boundary caught; the test asserts what the person and the log see.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = await mount({ recommendation: explained, reveal: 'immediate' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(de.messages['common.error.title']);
    // The rest of the screen is there: the person can still decide.
    expect(screen.getByRole('button', { name: /Empfehlung übernehmen/ })).toBeVisible();
    await waitFor(() =>
      expect(first.events.find((event) => event.type === 'ui.error')?.data).toMatchObject({
        component: 'ExplanationPanel',
      }),
    );
    first.unmount();

    await mount({ recommendation: explained, reveal: 'immediate' });
    expect(await screen.findByRole('region', { name: de.messages['explanation.title'] })).toBeVisible();
    expect(imports).toBe(2);
    reported.mockRestore();
  });
});
