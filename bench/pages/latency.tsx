/*
 * Browser page of bench/react.bench.ts: what a person feels of the decision screen. The bench
 * drives it through Playwright (real input events) with the CPU throttled, and this page only
 * mounts what is asked for and measures:
 *
 * - first render: one screen mounted with flushSync into a fresh root, timed with
 *   performance.now();
 * - an interaction (the commit click, a keypress in the rationale): from the input event's
 *   `timeStamp` to the paint that shows its result. Two measures per interaction: the Event
 *   Timing API (`PerformanceObserver` type `event`: an entry's `duration` runs from the input to
 *   the next paint after its handlers; INP takes the longest entry of an interaction, and so do
 *   we), and a paint proxy — `requestAnimationFrame`, then a `MessageChannel` message, which runs
 *   after that frame was painted. Event Timing reports only entries of at least 16 ms, so the
 *   proxy stands in where it reports none; the proxy also waits, frame by frame, until the result
 *   (the revealed recommendation) is really on screen.
 *
 * The bench adds the package's stylesheet before measuring, as a host page has it. (Unstyled and
 * scrolled, headless Chromium was seen to present no frame for keypresses in the screen until the
 * page changed elsewhere, so Event Timing reported hundreds of ms that no paint proxy saw.)
 *
 * The baseline is the same case without safeguards, as plain React: options, the two checklist
 * boxes, a controlled comment field and a button that shows the AI's pick. It carries the same
 * labels as the DecisionScreen, so the bench drives both with the same selectors.
 *
 * Only public API of @deliberate/* is used. The fixture is the component tests' housing-benefit
 * recommendation (packages/react/src/testing/decision-fixtures.tsx).
 */
import { createLogger, createMemorySink } from '@deliberate/log';
import { DecisionProvider, DecisionScreen } from '@deliberate/react';
import { de } from '@deliberate/react/locales/de';
import { createElement, useId, useState, type ReactElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { housingBenefit } from '../../packages/react/src/testing/decision-fixtures.tsx';
import { createRoot, type Root } from 'react-dom/client';

export type Variant = 'screen' | 'plain';
export type Measure = 'commit' | 'keys';
export type MountVariant = 'plain' | 'judgeFirst' | 'immediate' | 'staticDom';

/** One measured interaction. */
export interface InteractionSample {
  /** Input event `timeStamp` → the paint after its result was on screen (paint proxy), in ms. */
  proxyMs: number;
  /** The longest Event Timing entry of the interaction, or `null` when none was reported (< 16 ms). */
  eventTimingMs: number | null;
  /** Whether the result was on screen in the first frame after the input. */
  firstFrame: boolean;
}

export interface LatencyPage {
  /** The labels the bench selects by (German, the default locale). */
  labels: {
    option: string;
    commit: string;
    rationale: string;
    checklist: string;
    recommendation: string;
  };
  /** Elements of one judge-first screen. */
  screenElements: number;
  /** `rounds` rounds of one flushSync mount of each variant (order rotating); ms per variant. */
  mountTimes(rounds: number): Record<MountVariant, number[]>;
  /**
   * Renders a fresh decision (new id) of `variant` in place of the last one and, once it is
   * painted, measures the interactions of `measure`: each click on the commit button, until the
   * revealed recommendation is painted; or each keydown in a text area, until its text is.
   */
  show(variant: Variant, key: number, measure: Measure): Promise<void>;
  /** The `index`th interaction measured since `show` (waits for its paint). */
  sample(index: number): Promise<InteractionSample>;
}

declare global {
  interface Window {
    __latency?: LatencyPage;
  }
}

const messages = de.messages;

// The housing-benefit fixture the component tests use, with the headline the plain card shows.
const recommendation = {
  ...housingBenefit,
  summary: 'Einkommen unter der Grenze; Miete innerhalb der Höchstbeträge.',
};

/** The high-stakes checklist as the default policy states it, for the plain card's boxes. */
const CHECKLIST = [
  'Ich habe die Belege in der Akte geprüft',
  'Ich habe bedacht, was gegen meine Einschätzung spricht',
];

/*
 * One logger for the page, as an integrator has one: memory sink, so that recording an event
 * costs what stamping and chaining cost, and no storage time. Ids in this bench are not personal
 * data, so no pseudonymisation.
 */
const logger = createLogger({ sinks: [createMemorySink()], pseudonymize: false });

function Screen({ stakes, index }: { stakes: 'high' | 'low'; index: number }) {
  return (
    <DecisionProvider
      recommendation={recommendation}
      decisionId={`bench-${stakes}-${index}`}
      procedure="housing-benefit.eligibility"
      caseRef={`case-${index}`}
      actor={{ id: 'bench', role: 'caseworker' }}
      stakes={stakes}
      logger={logger}
    >
      <DecisionScreen />
    </DecisionProvider>
  );
}

/** The same case without safeguards: choose, confirm, comment, and see the AI's pick. */
function PlainCard({ index }: { index: number }) {
  const id = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [revealed, setRevealed] = useState(false);
  return (
    <article aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Fall {index}</h2>
      <fieldset>
        <legend>{messages['judgement.legend']}</legend>
        {recommendation.options.map((option) => (
          <label key={option.id}>
            <input
              type="radio"
              name={`${id}-choice`}
              value={option.id}
              checked={choice === option.id}
              onChange={() => setChoice(option.id)}
            />{' '}
            {option.labels.de}
          </label>
        ))}
      </fieldset>
      <label>
        {messages['judgement.rationale.label']}{' '}
        <textarea value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <fieldset>
        <legend>{messages['judgement.checklist.legend']}</legend>
        {CHECKLIST.map((item) => (
          <label key={item}>
            <input
              type="checkbox"
              checked={checked.includes(item)}
              onChange={(event) =>
                setChecked(event.target.checked ? [...checked, item] : checked.filter((c) => c !== item))
              }
            />{' '}
            {item}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => setRevealed(true)}>
        {messages['judgement.commit']}
      </button>
      <section aria-labelledby={`${id}-ai`} data-state={revealed ? 'revealed' : 'hidden'}>
        <h3 id={`${id}-ai`}>{messages['recommendation.heading']}</h3>
        {revealed ? (
          <>
            <p>
              Empfohlen: <strong>Bewilligen</strong> (82 %)
            </p>
            <p>{recommendation.summary}</p>
          </>
        ) : (
          <p>{messages['recommendation.hidden.afterJudgement']}</p>
        )}
      </section>
    </article>
  );
}

/**
 * Whether a recommendation region is revealed: an element named by the recommendation heading
 * whose documented `data-state` is `revealed` (the Recommendation's view state).
 */
function recommendationRevealed(): boolean {
  for (const element of document.querySelectorAll('[aria-labelledby][data-state="revealed"]')) {
    const name = (element.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((ref) => document.getElementById(ref)?.textContent ?? '')
      .join(' ')
      .trim();
    if (name.endsWith(messages['recommendation.heading'])) return true;
  }
  return false;
}

/* -------------------------------------------------------------------------------------------------
 * First render
 * -----------------------------------------------------------------------------------------------*/

/** Attribute names React spells differently from HTML. */
const REACT_NAMES: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  checked: 'defaultChecked',
  maxlength: 'maxLength',
};

/** `node` as plain React elements: the screen's DOM with no component, hook or store behind it. */
function staticCopy(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const props: Record<string, unknown> = { key };
  for (const { name, value } of Array.from(node.attributes)) {
    const boolean = name === 'hidden' || name === 'checked' || name === 'disabled';
    props[REACT_NAMES[name] ?? name] = boolean ? true : value;
  }
  const children = Array.from(node.childNodes, (child, index) => staticCopy(child, index));
  return createElement(node.tagName.toLowerCase(), props, ...children);
}

let mounts = 0;

function timeMount(element: ReactElement): number {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const start = performance.now();
  flushSync(() => root.render(element));
  const elapsed = performance.now() - start;
  root.unmount();
  host.remove();
  return elapsed;
}

/** The DOM of one mounted judge-first screen. */
function judgeFirstDom(): Element {
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() => root.render(<Screen stakes="high" index={-1} />));
  const screen = host.firstElementChild?.cloneNode(true);
  root.unmount();
  if (!(screen instanceof Element)) throw new Error('the DecisionScreen rendered nothing');
  return screen;
}

const template = judgeFirstDom();

const MOUNTS: Record<MountVariant, () => ReactElement> = {
  plain: () => <PlainCard index={mounts++} />,
  judgeFirst: () => <Screen stakes="high" index={mounts++} />,
  immediate: () => <Screen stakes="low" index={mounts++} />,
  staticDom: () => <>{staticCopy(template, 0)}</>,
};

function mountTimes(rounds: number): Record<MountVariant, number[]> {
  const variants = Object.keys(MOUNTS) as MountVariant[];
  const times = Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<
    MountVariant,
    number[]
  >;
  for (let round = 0; round < rounds; round++) {
    // Rotate the order, so no variant always runs right after the same other one.
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(round + i) % variants.length] as MountVariant;
      times[variant].push(timeMount(MOUNTS[variant]()));
    }
  }
  return times;
}

/* -------------------------------------------------------------------------------------------------
 * Interactions
 * -----------------------------------------------------------------------------------------------*/

const entries: PerformanceEventTiming[] = [];
const observer = new PerformanceObserver((list) => {
  entries.push(...(list.getEntries() as PerformanceEventTiming[]));
});
// 16 ms is the smallest threshold the Event Timing API allows.
observer.observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);

const channel = new MessageChannel();
let afterPaint: (() => void) | null = null;
channel.port1.onmessage = () => {
  const next = afterPaint;
  afterPaint = null;
  next?.();
};

/** Resolves after the next frame has been painted. */
function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      afterPaint = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/** Resolves once the Event Timing entries up to now have been delivered. */
async function settleEntries(): Promise<void> {
  await nextPaint();
  await new Promise((resolve) => setTimeout(resolve, 50));
  entries.push(...(observer.takeRecords() as PerformanceEventTiming[]));
}

/** The longest Event Timing entry of the names given that started in [from, to], or `null`. */
function longestEntry(names: readonly string[], from: number, to: number): number | null {
  let longest: number | null = null;
  for (const entry of entries) {
    if (!names.includes(entry.name) || entry.startTime < from - 1 || entry.startTime > to + 1) continue;
    longest = Math.max(longest ?? 0, entry.duration);
  }
  return longest;
}

let root: Root | null = null;
let host: HTMLElement | null = null;

async function show(variant: Variant, key: number, measure: Measure): Promise<void> {
  disarm?.();
  samples = [];
  root?.unmount();
  host?.remove();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const element = variant === 'screen' ? <Screen stakes="high" index={key} /> : <PlainCard index={key} />;
  flushSync(() => root?.render(element));
  await nextPaint();
  disarm = measure === 'commit' ? measureCommits() : measureKeys();
}

/** Measures from `start` to the paint of the frame in which `done()` first holds. */
async function paintedWhen(
  start: number,
  done: () => boolean,
): Promise<{ end: number; firstFrame: boolean }> {
  for (let frame = 0; ; frame++) {
    const end = await nextPaint();
    if (done()) return { end, firstFrame: frame === 0 };
    if (end - start > 5_000) throw new Error('the result of the interaction was not painted within 5 s');
  }
}

/** Samples of the interactions measured since the last `show`, in input order. */
let samples: Promise<InteractionSample>[] = [];
let disarm: (() => void) | null = null;

/** Measures every click on the commit button: until the recommendation has been painted. */
function measureCommits(): () => void {
  let down = Number.NaN;
  const onDown = (event: Event) => (down = event.timeStamp);
  const onClick = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button?.textContent?.includes(messages['judgement.commit'])) return;
    const start = event.timeStamp;
    const from = Number.isNaN(down) ? start : down;
    samples.push(
      paintedWhen(start, recommendationRevealed).then(async ({ end, firstFrame }) => {
        await settleEntries();
        const names = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
        return { proxyMs: end - start, eventTimingMs: longestEntry(names, from, start), firstFrame };
      }),
    );
  };
  window.addEventListener('pointerdown', onDown, true);
  window.addEventListener('click', onClick, true);
  return () => {
    window.removeEventListener('pointerdown', onDown, true);
    window.removeEventListener('click', onClick, true);
  };
}

/** Measures every keydown in a text area: until the changed text has been painted. */
function measureKeys(): () => void {
  const onKey = (event: Event) => {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement)) {
      samples.push(Promise.reject(new Error('the keypress did not reach a text area')));
      return;
    }
    const start = event.timeStamp;
    const before = field.value;
    const up = new Promise<number>((resolve) =>
      window.addEventListener('keyup', (e) => resolve(e.timeStamp), { capture: true, once: true }),
    );
    samples.push(
      paintedWhen(start, () => field.isConnected && field.value !== before).then(
        async ({ end, firstFrame }) => {
          const keyup = await up;
          await settleEntries();
          const names = ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'];
          return { proxyMs: end - start, eventTimingMs: longestEntry(names, start, keyup), firstFrame };
        },
      ),
    );
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}

window.__latency = {
  labels: {
    option: 'Bewilligen',
    commit: messages['judgement.commit'],
    rationale: messages['judgement.rationale.label'],
    checklist: messages['judgement.checklist.legend'],
    recommendation: messages['recommendation.heading'],
  },
  screenElements: template.querySelectorAll('*').length + 1,
  mountTimes,
  show,
  sample: (index) => samples[index] ?? Promise.reject(new Error(`no interaction ${index} was measured`)),
};
