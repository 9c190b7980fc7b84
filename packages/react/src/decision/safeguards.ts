/*
 * The safeguard manifest: what the mounted Deliberate components actually do for one decision,
 * published at run time so that reviewers (the Storybook "Safeguards" panel, the
 * `pnpm audit:safeguards` script) check the screen as rendered, not as configured.
 *
 * Components register what they render with `useSafeguard(key, detail)`; the provider collects the
 * registrations, adds the plan, the policy, the logger and the locale, and publishes the result
 * (debounced, JSON-serialisable) as `CustomEvent('deliberate:safeguards', { detail })` on `window`
 * and under `window.__deliberateSafeguards[decisionId]`. Nothing here depends on Storybook, and
 * nothing touches `window` outside effects (server rendering is unaffected).
 */
import type { FrictionPlan, Recommendation, Stakes } from '@deliberate/core';
import { createContext, useContext, useEffect } from 'react';
import type { ConfidenceDisplayFormat } from '../confidence/describe-confidence.ts';
import type { AiStatus } from './decision-context.ts';

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/** The version of the manifest's shape. */
export const SAFEGUARD_MANIFEST_SCHEMA = 'deliberate.safeguards/1';
/** The `CustomEvent` type the provider dispatches on `window`. */
export const SAFEGUARD_EVENT = 'deliberate:safeguards';
/** The `window` property that keeps the latest manifest of every mounted decision, by decision id. */
export const SAFEGUARD_GLOBAL = '__deliberateSafeguards';

/**
 * What each registration key means, and what its detail says. Components register these; the
 * explanation panels register `explanation.panel` (one registration per panel).
 */
export interface SafeguardDetails {
  /** `DecisionScreen`: the composed screen; `accountability` is the "you decide" statement. */
  screen: { accountabilityStatement: boolean; judgementStep: boolean; explanationSlot: boolean };
  /** `OversightControls`: "Decide without AI" (Art. 14(4)(d)). */
  'oversight.decideWithoutAi': { control: 'button' };
  /** `OversightControls`: "Stop the AI" with a required reason (Art. 14(4)(e)). */
  'oversight.stopAi': { scope: 'procedure' | 'decision'; reasonRequired: boolean };
  /** `OversightControls`, `AutomationBiasNotice`: the notice on automation bias (Art. 14(4)(b)). */
  'oversight.automationBiasNotice': { onFirstUse: boolean };
  /** `Recommendation`: how the AI's output is revealed and shown. */
  recommendation: {
    revealMode: FrictionPlan['reveal'];
    /** A polite live region is rendered from the first render (WCAG 4.1.3). */
    liveRegion: boolean;
    /** The format asked for (props or provider). */
    requestedFormat: string;
    /** The format actually used (uncalibrated confidence is forced to `verbal`). */
    displayFormat: ConfidenceDisplayFormat | null;
    calibrated: boolean;
    /** Low confidence framed as information rather than a recommendation. */
    lowConfidenceThreshold: number;
    modelShown: boolean;
  };
  /** `ConfidenceDisplay` (inside a decision): what a confidence display actually shows. */
  'confidence.display': {
    displayFormat: ConfidenceDisplayFormat;
    calibrated: boolean;
    /** Whether a number (percent, frequency, icons, a stated interval level) is shown. */
    numeric: boolean;
    /** Whether a "not calibrated" notice is shown with it. */
    uncalibratedNotice: boolean;
  };
  /** `IndependentJudgement` (or `useIndependentJudgement`): the person's own judgement first. */
  'judgement.independent': { committedBeforeReveal: boolean; checklistItems: number };
  /** `Justification` (or `useJustification`): the reasons asked for. */
  justification: { rule: FrictionPlan['justification']; reasonCodes: number };
  /** `DecisionActions` (or `useDecisionActions`): finalizing, with the minimum own time enforced. */
  'actions.finalize': { minOwnTimeMs: number };
  /** One explanation panel (`ExplanationPanel`). */
  'explanation.panel': { panel: string; openedOnDemand: boolean };
}

export type SafeguardKey = keyof SafeguardDetails;

/** The manifest of one decision. JSON only: it crosses frames and processes. */
export interface SafeguardManifest {
  schema: typeof SAFEGUARD_MANIFEST_SCHEMA;
  decisionId: string;
  procedure: string;
  locale: string;
  stakes: Stakes;
  /** The friction plan in force (checklist as ids). */
  plan: Omit<FrictionPlan, 'checklist'> & { checklist: string[] };
  /** Whether a `logger` is attached (an `onEvents` callback alone is not a record). */
  logger: boolean;
  /**
   * The validated recommendation, in brief; `null` when there is none, it was invalid (or did not
   * fit the procedure's options), or it is still pending.
   */
  recommendation: {
    kind: Recommendation['kind'];
    hasConfidence: boolean;
    calibrated: boolean;
    model: boolean;
  } | null;
  /**
   * Whether the recommendation is `pending` (still being computed), `ready` or `unavailable`
   * (see `AiStatus`). Always set by this version; absent in manifests of earlier versions.
   */
  aiStatus?: AiStatus;
  /** Validation problems with the recommendation (codes). */
  issues: string[];
  /** Validation problems with its explanation (codes), when only the explanation was invalid and was set aside. */
  explanationIssues?: string[];
  /** The provider's default confidence format. */
  confidenceFormat: string;
  /** What the mounted components registered, by key; one entry per registration. */
  components: { [K in SafeguardKey]?: SafeguardDetails[K][] };
  /** When this manifest was published (ms since epoch). */
  publishedAt: number;
}

/** The `detail` of a `deliberate:safeguards` event: `manifest` is `null` once the decision unmounts. */
export interface SafeguardEventDetail {
  decisionId: string;
  manifest: SafeguardManifest | null;
}

/* -------------------------------------------------------------------------------------------------
 * Registry
 * -----------------------------------------------------------------------------------------------*/

/** @internal Holds the registrations of one decision. */
export interface SafeguardRegistry {
  register<K extends SafeguardKey>(key: K, detail: SafeguardDetails[K]): () => void;
  /** The registrations, grouped by key. */
  snapshot(): SafeguardManifest['components'];
  subscribe(listener: () => void): () => void;
}

/** @internal */
export function createSafeguardRegistry(): SafeguardRegistry {
  const entries = new Map<symbol, { key: SafeguardKey; detail: unknown }>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    register(key, detail) {
      const token = Symbol(key);
      entries.set(token, { key, detail });
      notify();
      return () => {
        entries.delete(token);
        notify();
      };
    },
    snapshot() {
      const out: Record<string, unknown[]> = {};
      for (const { key, detail } of entries.values()) (out[key] ??= []).push(detail);
      return out as SafeguardManifest['components'];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** @internal The registry of the enclosing `DecisionProvider`. */
export const SafeguardRegistryContext = createContext<SafeguardRegistry | null>(null);
SafeguardRegistryContext.displayName = 'SafeguardRegistryContext';

/**
 * Declares that this component renders a safeguard, for as long as it is mounted. A no-op outside
 * a `DecisionProvider` and on the server. `detail` is compared by its JSON, so an inline object is
 * fine.
 *
 * @example
 * useSafeguard('explanation.panel', { panel: 'factors', openedOnDemand: true });
 */
export function useSafeguard<K extends SafeguardKey>(
  key: K,
  detail: SafeguardDetails[K],
  enabled = true,
): void {
  const registry = useContext(SafeguardRegistryContext);
  const json = JSON.stringify(detail);
  useEffect(() => {
    if (!registry || !enabled) return;
    return registry.register(key, JSON.parse(json) as SafeguardDetails[K]);
  }, [registry, key, json, enabled]);
}

/* -------------------------------------------------------------------------------------------------
 * Publishing
 * -----------------------------------------------------------------------------------------------*/

type SafeguardWindow = Window & { [SAFEGUARD_GLOBAL]?: Record<string, SafeguardManifest> };

/**
 * @internal Publishes a manifest (or its removal) on `window`. Call from effects only.
 */
export function publishSafeguards(decisionId: string, manifest: SafeguardManifest | null): void {
  if (typeof window === 'undefined' || typeof CustomEvent === 'undefined') return;
  const w = window as SafeguardWindow;
  const all = (w[SAFEGUARD_GLOBAL] ??= {});
  if (manifest) all[decisionId] = manifest;
  else delete all[decisionId];
  const detail: SafeguardEventDetail = { decisionId, manifest };
  window.dispatchEvent(new CustomEvent(SAFEGUARD_EVENT, { detail }));
}
