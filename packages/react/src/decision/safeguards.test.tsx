import { render, waitFor } from '@testing-library/react';
import type { FrictionPlan } from '@deliberate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DecisionScreen } from '../screen/decision-screen.tsx';
import { DecisionProvider, type DecisionProviderProps } from './decision-provider.tsx';
import {
  SAFEGUARD_EVENT,
  SAFEGUARD_GLOBAL,
  useSafeguard,
  type SafeguardEventDetail,
  type SafeguardManifest,
} from './safeguards.ts';

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

const plan: FrictionPlan = {
  policyId: 'test',
  policyVersion: '1',
  rule: 'fixed',
  stakes: 'high',
  band: 'medium',
  arm: 'ai',
  audit: false,
  reveal: 'after-judgement',
  justification: 'always',
  minOwnTimeMs: 0,
  checklist: [{ id: 'evidence', label: { en: 'Evidence', de: 'Belege' } }],
};

const logger = { log: () => {} };

function decision(props: Partial<DecisionProviderProps> & { children: DecisionProviderProps['children'] }) {
  return (
    <DecisionProvider
      recommendation={recommendation}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="c-1"
      actor={{ id: 'a-1' }}
      plan={plan}
      locale="en"
      {...props}
    />
  );
}

const published = (): Record<string, SafeguardManifest> =>
  (window as unknown as Record<string, Record<string, SafeguardManifest>>)[SAFEGUARD_GLOBAL] ?? {};

afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[SAFEGUARD_GLOBAL];
});

describe('the safeguard manifest', () => {
  it('says before the reveal only whether the screen has room for an explanation, not whether the AI sent one', async () => {
    const withExplanation = {
      ...recommendation,
      explanation: {
        factors: {
          baseValue: 0.5,
          items: [{ id: 'income', label: 'Income', contribution: 0.3 }],
        },
      },
    };
    const screens: unknown[] = [];
    for (const [id, rec] of [
      ['d-plain', recommendation],
      ['d-explained', withExplanation],
    ] as const) {
      const { unmount } = render(
        decision({ decisionId: id, recommendation: rec, children: <DecisionScreen /> }),
      );
      await waitFor(() => expect(published()[id]).toBeDefined());
      screens.push(published()[id]!.components['screen']);
      unmount();
    }
    expect(screens[0]).toEqual([
      { accountabilityStatement: true, judgementStep: true, explanationSlot: true },
    ]);
    expect(screens[1]).toEqual(screens[0]);
  });

  describe('given a DecisionScreen with a logger', () => {
    it('publishes the plan, the logger, the locale and what each component renders', async () => {
      render(decision({ logger, children: <DecisionScreen /> }));
      await waitFor(() => expect(published()['d-1']).toBeDefined());
      const manifest = published()['d-1']!;
      expect(manifest).toMatchObject({
        schema: 'deliberate.safeguards/1',
        decisionId: 'd-1',
        procedure: 'housing-benefit.eligibility',
        locale: 'en',
        stakes: 'high',
        logger: true,
        plan: { reveal: 'after-judgement', justification: 'always', checklist: ['evidence'] },
        recommendation: { kind: 'categorical', hasConfidence: true, calibrated: true, model: true },
      });
      expect(manifest.components['oversight.decideWithoutAi']).toHaveLength(1);
      expect(manifest.components['oversight.stopAi']).toEqual([{ scope: 'procedure', reasonRequired: true }]);
      expect(manifest.components['oversight.automationBiasNotice']).toHaveLength(1);
      expect(manifest.components['judgement.independent']).toEqual([
        { committedBeforeReveal: true, checklistItems: 1 },
      ]);
      expect(manifest.components.recommendation?.[0]).toMatchObject({
        revealMode: 'after-judgement',
        liveRegion: true,
        calibrated: true,
      });
      expect(manifest.components.justification?.[0]).toMatchObject({ rule: 'always' });
      expect(manifest.components.screen?.[0]).toMatchObject({
        accountabilityStatement: true,
        judgementStep: true,
      });
      // JSON only: it crosses frames.
      expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    });

    it('dispatches deliberate:safeguards on window, and a null manifest on unmount', async () => {
      const details: SafeguardEventDetail[] = [];
      const listener = (event: Event) => details.push((event as CustomEvent<SafeguardEventDetail>).detail);
      window.addEventListener(SAFEGUARD_EVENT, listener);
      const { unmount } = render(decision({ logger, children: <DecisionScreen /> }));
      await waitFor(() => expect(details.some((d) => d.manifest !== null)).toBe(true));
      unmount();
      expect(details.at(-1)).toEqual({ decisionId: 'd-1', manifest: null });
      expect(published()['d-1']).toBeUndefined();
      window.removeEventListener(SAFEGUARD_EVENT, listener);
    });
  });

  describe('given no logger and no oversight controls', () => {
    it('says so: logger false, no oversight registrations', async () => {
      render(decision({ children: <p>custom screen</p> }));
      await waitFor(() => expect(published()['d-1']).toBeDefined());
      expect(published()['d-1']!.logger).toBe(false);
      expect(published()['d-1']!.components).toEqual({});
    });
  });

  describe('useSafeguard', () => {
    function Panel() {
      useSafeguard('explanation.panel', { panel: 'factors', openedOnDemand: true });
      return null;
    }

    it('adds a registration while mounted', async () => {
      render(decision({ children: <Panel /> }));
      await waitFor(() =>
        expect(published()['d-1']?.components['explanation.panel']).toEqual([
          { panel: 'factors', openedOnDemand: true },
        ]),
      );
    });

    it('is a no-op outside a DecisionProvider', () => {
      expect(() => render(<Panel />)).not.toThrow();
    });
  });
});
