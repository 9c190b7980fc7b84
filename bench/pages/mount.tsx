/*
 * Mounts 200 DecisionScreens and 200 plain recommendation cards (the same case content without
 * safeguards: the AI's pick and confidence, the options, a comment field, accept/override), in
 * alternating rounds, timing each synchronous mount with flushSync. Reports medians.
 *
 * A third variant tells the two costs apart: 200 static copies of the judge-first screen's own
 * DOM (the same elements, attributes and text, rebuilt as plain React elements with no component,
 * hook or store behind them). Its time is what React and the browser need for that DOM alone.
 */
import { DecisionProvider, DecisionScreen } from '@deliberate/react';
import { createElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { median } from '../stats.ts';

const N = 200;
const ROUNDS = 9;

const recommendation = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' }, probability: 0.82 },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' }, probability: 0.11 },
    {
      id: 'request-documents',
      label: 'Request documents',
      labels: { de: 'Unterlagen anfordern', en: 'Request documents' },
      probability: 0.07,
    },
  ],
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0' },
  calibration: { calibrated: true },
  summary: 'Einkommen unter der Grenze; Miete innerhalb der Höchstbeträge.',
} as const;

function PlainCard({ index }: { index: number }) {
  return (
    <article aria-labelledby={`plain-${index}`}>
      <h2 id={`plain-${index}`}>Fall {index}</h2>
      <p>
        KI-Empfehlung: <strong>Bewilligen</strong> (82 %)
      </p>
      <p>{recommendation.summary}</p>
      <fieldset>
        <legend>Entscheidung</legend>
        {recommendation.options.map((option) => (
          <label key={option.id}>
            <input type="radio" name={`plain-${index}`} value={option.id} /> {option.labels.de}
          </label>
        ))}
      </fieldset>
      <label>
        Kommentar <textarea />
      </label>
      <button type="button">Übernehmen</button>
      <button type="button">Abweichend entscheiden</button>
    </article>
  );
}

function Screens({ stakes }: { stakes: 'high' | 'low' }) {
  return (
    <>
      {Array.from({ length: N }, (_, index) => (
        <DecisionProvider
          key={index}
          recommendation={recommendation}
          decisionId={`bench-${stakes}-${index}`}
          procedure="bench"
          caseRef={`case-${index}`}
          actor={{ id: 'bench' }}
          stakes={stakes}
        >
          <DecisionScreen />
        </DecisionProvider>
      ))}
    </>
  );
}

function Plain() {
  return (
    <>
      {Array.from({ length: N }, (_, index) => (
        <PlainCard key={index} index={index} />
      ))}
    </>
  );
}

/** Attribute names React spells differently from HTML. */
const REACT_NAMES: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  checked: 'defaultChecked',
};

/** `node` as plain React elements; ids get a per-copy suffix so copies stay distinct. */
function staticCopy(node: Node, copy: number, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const props: Record<string, unknown> = { key };
  for (const { name, value } of Array.from(node.attributes)) {
    const boolean = name === 'hidden' || name === 'checked';
    props[REACT_NAMES[name] ?? name] = boolean ? true : value.replace(/_r_\w+_/g, (id) => `${id}${copy}`);
  }
  const children = Array.from(node.childNodes, (child, index) => staticCopy(child, copy, index));
  return createElement(node.tagName.toLowerCase(), props, ...children);
}

/** The DOM of one mounted judge-first screen. */
function judgeFirstDom(): Element {
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() => root.render(<Screens stakes="high" />));
  const screen = host.firstElementChild?.cloneNode(true);
  root.unmount();
  if (!(screen instanceof Element)) throw new Error('the DecisionScreen rendered nothing');
  return screen;
}

const template = judgeFirstDom();

function StaticCopies() {
  return <>{Array.from({ length: N }, (_, index) => staticCopy(template, index, index))}</>;
}

function time(element: React.ReactElement): number {
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

const plain: number[] = [];
const judgeFirst: number[] = [];
const immediate: number[] = [];
const staticDom: number[] = [];
// One warm-up round each, not counted: the first mount also compiles the code.
time(<Plain />);
time(<Screens stakes="high" />);
time(<Screens stakes="low" />);
time(<StaticCopies />);
for (let round = 0; round < ROUNDS; round++) {
  plain.push(time(<Plain />));
  judgeFirst.push(time(<Screens stakes="high" />));
  immediate.push(time(<Screens stakes="low" />));
  staticDom.push(time(<StaticCopies />));
}
(window as unknown as { __benchResult: unknown }).__benchResult = {
  n: N,
  rounds: ROUNDS,
  plainMs: median(plain),
  judgeFirstMs: median(judgeFirst),
  immediateMs: median(immediate),
  staticDomMs: median(staticDom),
  elements: { screen: template.querySelectorAll('*').length + 1 },
};
