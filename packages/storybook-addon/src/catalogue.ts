/*
 * The safeguard catalogue: every check a UX reviewer sees in the "Safeguards" panel and that
 * `pnpm audit:safeguards` runs over every story. Pure and framework-free: it takes the manifest a
 * `DecisionProvider` published (what the mounted components actually render) plus what the
 * preview found in the DOM, and returns pass / warn / fail with the reason.
 *
 * Sources are paraphrased; check legal wording against the official text (EUR-Lex) before you
 * quote it. Research findings refer to docs/research.md (§ numbers).
 */
import type { SafeguardManifest } from '@deliberate/react';

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

export type SafeguardStatus = 'pass' | 'warn' | 'fail';

/** What the preview saw in the story's DOM, beyond what components registered. */
export interface DomProbe {
  /** Explanation panels found by `[data-dlb-explanation-panel]`, `.dlb-explanation-panel` or `.dlb-explanation__item` (ExplanationPanel's items). */
  explanationPanels: { panel: string | null; open: boolean }[];
  /** Polite live regions (`role="status"` / `aria-live="polite"`) inside `.dlb-recommendation`. */
  recommendationLiveRegions: number;
}

/** What a check is evaluated on: one decision's manifest, with the DOM probe when there is one. */
export type ReviewInput = SafeguardManifest & { dom?: DomProbe | undefined };

export interface SafeguardSource {
  kind: 'ai-act' | 'gdpr' | 'hax' | 'pair' | 'wcag' | 'research';
  /** Short reference, e.g. `AI Act Art. 14(4)(d)`, `HAX G8`, `research §2 (Fogliato et al. 2022)`. */
  ref: string;
}

export interface SafeguardResult {
  status: SafeguardStatus;
  /** Why, in one or two sentences (English; reviewers' working language in Storybook). */
  why: string;
}

export interface SafeguardCheck {
  /** Stable id; also the anchor `#safeguard-<id>` in the UX reviewers' guide. */
  id: string;
  title: { en: string; de: string };
  sources: SafeguardSource[];
  /** Link to the check's section in the UX reviewers' guide (Storybook docs). */
  doc: string;
  evaluate(input: ReviewInput): SafeguardResult;
}

export interface EvaluatedCheck extends SafeguardResult {
  id: string;
  title: { en: string; de: string };
  sources: SafeguardSource[];
  doc: string;
}

/** The Storybook docs id of docs/guides/UxReviewers.mdx (`<Meta title="Guides/UX reviewers" />`). */
export const UX_GUIDE_DOCS_ID = 'guides-ux-reviewers--docs';

/** The Storybook URL (relative to the Storybook root) of a check's section in the UX reviewers' guide. */
export function docLink(id: string): string {
  return `?path=/docs/${UX_GUIDE_DOCS_ID}#safeguard-${id}`;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

const pass = (why: string): SafeguardResult => ({ status: 'pass', why });
const warn = (why: string): SafeguardResult => ({ status: 'warn', why });
const fail = (why: string): SafeguardResult => ({ status: 'fail', why });

/** Whether the AI's output can be shown in this decision at all. */
function aiInPlay(m: ReviewInput): boolean {
  return m.recommendation !== null && m.plan.arm === 'ai';
}

function noAi(m: ReviewInput): string {
  if (m.plan.arm === 'no-ai') return 'Not applicable: the decision is in the no-AI control arm.';
  if (m.issues.length > 0) return 'Not applicable: the recommendation is invalid and is not shown.';
  return 'Not applicable: there is no AI recommendation in this decision.';
}

const registered = <K extends keyof SafeguardManifest['components']>(m: ReviewInput, key: K) =>
  m.components[key] ?? [];

const NUMERIC_FORMATS = new Set(['percent', 'frequency', 'icon-array']);

const src = (kind: SafeguardSource['kind'], ref: string): SafeguardSource => ({ kind, ref });

/* -------------------------------------------------------------------------------------------------
 * The checks
 * -----------------------------------------------------------------------------------------------*/

function check(def: Omit<SafeguardCheck, 'doc'>): SafeguardCheck {
  return { ...def, doc: docLink(def.id) };
}

export const decideWithoutAi = check({
  id: 'decide-without-ai',
  title: { en: 'A way to decide without the AI', de: 'Entscheiden ohne KI möglich' },
  sources: [
    src('ai-act', 'AI Act Art. 14(4)(d)'),
    src('gdpr', 'GDPR Art. 22'),
    src('hax', 'HAX G8'),
    src('hax', 'HAX G17'),
  ],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    if (registered(m, 'oversight.decideWithoutAi').length > 0)
      return pass('"Decide without AI" is on screen (OversightControls): the person can set the AI aside.');
    return fail(
      'No "Decide without AI" control is mounted. Art. 14(4)(d) asks that the person can decide not to use the system; add OversightControls (or DecisionScreen).',
    );
  },
});

export const stopAi = check({
  id: 'stop-ai',
  title: { en: 'A control to stop the AI', de: 'KI anhalten möglich' },
  sources: [src('ai-act', 'AI Act Art. 14(4)(e)'), src('hax', 'HAX G17')],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    const stop = registered(m, 'oversight.stopAi');
    if (stop.length === 0)
      return fail(
        'No "Stop the AI" control is mounted. Art. 14(4)(e) asks for a way to interrupt the system; add OversightControls.',
      );
    return pass(
      `"Stop the AI" is on screen (scope: ${stop[0]?.scope ?? 'procedure'}${stop[0]?.reasonRequired ? ', reason required and logged as ai.stopped' : ''}).`,
    );
  },
});

export const automationBiasNotice = check({
  id: 'automation-bias-notice',
  title: { en: 'Automation-bias notice available', de: 'Hinweis auf Automatisierungsbias verfügbar' },
  sources: [
    src('ai-act', 'AI Act Art. 14(4)(b)'),
    src('hax', 'HAX G2'),
    src('research', 'research §1 (Parasuraman & Manzey 2010)'),
  ],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    const notices = registered(m, 'oversight.automationBiasNotice');
    if (notices.length === 0)
      return warn(
        'No notice on relying on AI is mounted. Art. 14(4)(b) asks that people stay aware of automation bias; add OversightControls or AutomationBiasNotice.',
      );
    return pass(
      `The notice "About relying on AI" is available${notices.some((n) => n.onFirstUse) ? ' and opens on first use' : ' on demand'}. A notice alone does not prevent automation bias (research §1); the screen’s friction does the work.`,
    );
  },
});

export const judgeFirst = check({
  id: 'judge-first',
  title: {
    en: 'Own judgement before the AI on high stakes',
    de: 'Eigene Einschätzung vor der KI bei hohem Risiko',
  },
  sources: [
    src('ai-act', 'AI Act Art. 14(4)(b)'),
    src('hax', 'HAX G3'),
    src('research', 'research §2 (Buçinca et al. 2021; Fogliato et al. 2022)'),
  ],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    const judgement = registered(m, 'judgement.independent').length > 0;
    if (m.plan.reveal === 'after-judgement') {
      if (!judgement)
        return warn(
          'The plan reveals the AI only after the person’s own judgement, but no IndependentJudgement is mounted: the recommendation can never be revealed on this screen.',
        );
      return pass('Judge first: the AI is revealed only after the person committed their own judgement.');
    }
    if (m.stakes === 'high')
      return warn(
        `High stakes with reveal "${m.plan.reveal}": the person sees the AI before forming their own view. Judge-first reduced over-reliance (research §2); use reveal "after-judgement".`,
      );
    return pass(
      `Reveal "${m.plan.reveal}" at ${m.stakes} stakes${judgement ? ', with an own-judgement step' : ''}; judge-first is asked for on high stakes.`,
    );
  },
});

export const calibratedConfidence = check({
  id: 'calibrated-confidence',
  title: { en: 'No confidence number without calibration', de: 'Keine Konfidenzzahl ohne Kalibrierung' },
  sources: [
    src('ai-act', 'AI Act Art. 14(4)(c)'),
    src('hax', 'HAX G2'),
    src('pair', 'PAIR Explainability + Trust'),
    src('research', 'research §2 (Zhang, Liao & Bellamy 2020)'),
  ],
  evaluate(m) {
    const displays = registered(m, 'confidence.display');
    const recs = registered(m, 'recommendation');
    const uncalibratedNumber =
      displays.some((d) => d.numeric && !d.calibrated) ||
      recs.some((r) => !r.calibrated && r.displayFormat !== null && NUMERIC_FORMATS.has(r.displayFormat));
    if (uncalibratedNumber)
      return fail(
        'A confidence number is shown for a model whose confidence is not calibrated. Uncalibrated numbers cause misuse or disuse (research §2); show the verbal band with a "not calibrated" notice.',
      );
    if (displays.length === 0 && recs.length === 0) {
      if (m.recommendation?.hasConfidence && !m.recommendation.calibrated)
        return warn(
          'The recommendation’s confidence is not calibrated and no Deliberate confidence display is mounted: check that your own display shows no number.',
        );
      return pass('No confidence is shown on this screen.');
    }
    if (displays.some((d) => !d.calibrated && d.displayFormat !== 'none'))
      return pass(
        'The confidence is not calibrated and is shown only as a verbal band with a "not calibrated" notice.',
      );
    if (displays.every((d) => d.displayFormat === 'none') && displays.length > 0)
      return pass('The AI gives no confidence; the screen says so instead of showing a number.');
    return pass('Any confidence shown is calibrated.');
  },
});

export const justificationRule = check({
  id: 'justification',
  title: { en: 'Reasons for the decision', de: 'Begründung der Entscheidung' },
  sources: [
    src('gdpr', 'GDPR Art. 22'),
    src('ai-act', 'AI Act Art. 86'),
    src('hax', 'HAX G15'),
    src('research', 'research §2 (Skitka, Mosier & Burdick 2000); §7'),
  ],
  evaluate(m) {
    const rule = m.plan.justification;
    const mounted = registered(m, 'justification').length > 0;
    if (rule !== 'none' && !mounted && aiInPlay(m))
      return warn(
        `The plan asks for reasons (${rule}) but no Justification is mounted: check that your own screen collects them.`,
      );
    if (m.stakes === 'high') {
      if (rule === 'always') return pass('High stakes: every outcome, accepting included, needs a reason.');
      if (rule === 'override')
        return warn(
          'High stakes with reasons only on override: accepting the AI becomes the easy path. Ask for a reason on every outcome ("always").',
        );
      return fail(
        'High stakes with no reasons at all: nothing records that the person reviewed the case substantively (GDPR Art. 22).',
      );
    }
    if (rule === 'none')
      return warn(
        'No reasons are asked for, not even when the person deviates from the AI. Reasons on every override are what reviewers and CDS Hooks feedback rely on.',
      );
    return pass(`Reasons are asked for ${rule === 'always' ? 'on every outcome' : 'on every deviation'}.`);
  },
});

export const loggerAttached = check({
  id: 'logger',
  title: { en: 'Decisions are logged', de: 'Entscheidungen werden protokolliert' },
  sources: [
    src('ai-act', 'AI Act Art. 12'),
    src('ai-act', 'AI Act Art. 26(6)'),
    src('gdpr', 'GDPR Art. 22'),
    src('research', 'research §4'),
  ],
  evaluate(m) {
    if (m.logger) return pass('A logger is attached: every step is recorded as an event.');
    return fail(
      'No logger is attached to the DecisionProvider: nothing records the judgement, the reveal or the final decision (Art. 12 logs; evidence of substantive review).',
    );
  },
});

export const revealAnnounced = check({
  id: 'reveal-announced',
  title: { en: 'Reveal announced to screen readers', de: 'Einblendung wird Screenreadern angesagt' },
  sources: [
    src('wcag', 'WCAG 2.1 SC 4.1.3'),
    src('research', 'research §4 (BITV 2.0 / EN 301 549)'),
    src('ai-act', 'AI Act Art. 14(4)(c)'),
  ],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    const recs = registered(m, 'recommendation');
    if (recs.length === 0)
      return warn(
        'No Deliberate Recommendation is mounted: check that your own reveal is announced through a polite live region.',
      );
    if (!recs.every((r) => r.liveRegion))
      return fail('A recommendation is rendered without a live region: its reveal is not announced.');
    if (m.dom && m.dom.recommendationLiveRegions === 0)
      return fail('The recommendation declares a live region, but none was found in its DOM.');
    return pass(
      'A polite live region is in the DOM before the reveal, so the late content is announced without moving focus.',
    );
  },
});

export const minOwnTime = check({
  id: 'min-own-time',
  title: {
    en: 'Minimum own-assessment time on high stakes',
    de: 'Mindestzeit für die eigene Prüfung bei hohem Risiko',
  },
  sources: [
    src('ai-act', 'AI Act Art. 14(4)(b)'),
    src('hax', 'HAX G3'),
    src('research', 'research §2 (Park et al. 2019; Efendić et al. 2020)'),
  ],
  evaluate(m) {
    const seconds = Math.round(m.plan.minOwnTimeMs / 1000);
    if (m.stakes !== 'high')
      return pass(
        seconds > 0 ? `${seconds} s own-assessment time.` : `No minimum own time at ${m.stakes} stakes.`,
      );
    if (m.plan.minOwnTimeMs <= 0)
      return warn(
        'High stakes without a minimum own-assessment time: nothing slows a one-click acceptance. Present any wait as the person’s own assessment time.',
      );
    return pass(`High stakes: at least ${seconds} s of own assessment before finalizing.`);
  },
});

export const explanationsOnDemand = check({
  id: 'explanations-on-demand',
  title: { en: 'Explanations opened on demand', de: 'Erklärungen auf Abruf' },
  sources: [
    src('ai-act', 'AI Act Art. 14(4)(c)'),
    src('hax', 'HAX G11'),
    src('research', 'research §2 (Bansal et al. 2021; Vasconcelos et al. 2023)'),
  ],
  evaluate(m) {
    const panels = registered(m, 'explanation.panel');
    const dom = m.dom?.explanationPanels ?? [];
    if (panels.length === 0 && dom.length === 0)
      return pass('Not applicable: no explanation panels on this screen.');
    const openByDefault = panels.filter((p) => !p.openedOnDemand);
    if (openByDefault.length > 0)
      return warn(
        `Explanation panel(s) open without being asked for (${openByDefault.map((p) => p.panel).join(', ')}). Explanations raised acceptance whether the AI was right or not; open them on demand, and log explanation.viewed.`,
      );
    if (panels.length > 0)
      return pass(
        `${panels.length} explanation panel(s), each opened on demand (explanation.viewed is logged).`,
      );
    const open = dom.filter((p) => p.open).length;
    return warn(
      `${dom.length} explanation panel(s) found in the DOM (${open} open when inspected), but none declares how it opens: add useSafeguard('explanation.panel', …) to the panel.`,
    );
  },
});

export const accountability = check({
  id: 'accountability',
  title: { en: 'Who decides is stated', de: 'Wer entscheidet, ist benannt' },
  sources: [
    src('research', 'research §2 (Skitka, Mosier & Burdick 2000)'),
    src('gdpr', 'GDPR Art. 22'),
    src('hax', 'HAX G16'),
  ],
  evaluate(m) {
    if (registered(m, 'screen').some((s) => s.accountabilityStatement))
      return pass('The screen states that the person, not the AI, decides and is accountable.');
    return warn(
      'No accountability statement is mounted (DecisionScreen shows one). Felt accountability reduced automation bias; say who decides.',
    );
  },
});

export const lowConfidenceFraming = check({
  id: 'low-confidence-framing',
  title: { en: 'Low confidence framed as information', de: 'Geringe Konfidenz als Information dargestellt' },
  sources: [
    src('pair', 'PAIR Explainability + Trust'),
    src('hax', 'HAX G2'),
    src('ai-act', 'AI Act Art. 14(4)(c)'),
  ],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    const recs = registered(m, 'recommendation');
    if (recs.length === 0) return pass('Not applicable: no Deliberate Recommendation is mounted.');
    if (recs.some((r) => r.lowConfidenceThreshold <= 0))
      return warn(
        'The low-confidence threshold is 0: weak output is still framed as a recommendation. PAIR: consider showing less when confidence is low.',
      );
    return pass(
      `Below ${Math.round((recs[0]?.lowConfidenceThreshold ?? 0) * 100)} % (and without any confidence) the output is framed as information, not as a recommendation.`,
    );
  },
});

export const modelIdentity = check({
  id: 'model-identity',
  title: { en: 'The AI system is identified', de: 'Das KI-System ist benannt' },
  sources: [src('ai-act', 'AI Act Art. 14(4)(a)'), src('ai-act', 'AI Act Art. 86'), src('hax', 'HAX G1')],
  evaluate(m) {
    if (!aiInPlay(m)) return pass(noAi(m));
    if (m.recommendation?.model)
      return pass('The recommendation names its model and version; the screen shows them.');
    return warn(
      'The recommendation names no model and version (e.g. a CDS Hooks card): people cannot tell which system, in which version, advised them. Pass `model` to the adapter.',
    );
  },
});

/** Every check, in the order the panel and the report list them. */
export const CATALOGUE: readonly SafeguardCheck[] = Object.freeze([
  decideWithoutAi,
  stopAi,
  automationBiasNotice,
  judgeFirst,
  calibratedConfidence,
  justificationRule,
  loggerAttached,
  revealAnnounced,
  minOwnTime,
  explanationsOnDemand,
  accountability,
  lowConfidenceFraming,
  modelIdentity,
]);

/**
 * Runs the catalogue over one decision.
 *
 * @example
 * evaluateSafeguards(manifest).filter((r) => r.status === 'fail');
 */
export function evaluateSafeguards(
  input: ReviewInput,
  catalogue: readonly SafeguardCheck[] = CATALOGUE,
): EvaluatedCheck[] {
  return catalogue.map((c) => {
    let result: SafeguardResult;
    try {
      result = c.evaluate(input);
    } catch (error) {
      result = fail(`The check could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { id: c.id, title: c.title, sources: c.sources, doc: c.doc, ...result };
  });
}

/** Counts of each status. */
export function summarize(results: readonly { status: SafeguardStatus }[]): Record<SafeguardStatus, number> {
  const out = { pass: 0, warn: 0, fail: 0 };
  for (const r of results) out[r.status] += 1;
  return out;
}

/** Text and symbol for a status (never colour alone). */
export const STATUS_LABEL: Record<SafeguardStatus, { symbol: string; en: string }> = {
  pass: { symbol: '✓', en: 'Pass' },
  warn: { symbol: '!', en: 'Warning' },
  fail: { symbol: '✗', en: 'Fail' },
};
