/*
 * Mounts 200 DecisionScreens and 200 plain recommendation cards (the same case content without
 * safeguards: the AI's pick and confidence, the options, a comment field, accept/override), in
 * alternating rounds, timing each synchronous mount with flushSync. Reports medians.
 */
import { DecisionProvider, DecisionScreen } from '@deliberate/react';
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
// One warm-up round each, not counted: the first mount also compiles the code.
time(<Plain />);
time(<Screens stakes="high" />);
time(<Screens stakes="low" />);
for (let round = 0; round < ROUNDS; round++) {
  plain.push(time(<Plain />));
  judgeFirst.push(time(<Screens stakes="high" />));
  immediate.push(time(<Screens stakes="low" />));
}
(window as unknown as { __benchResult: unknown }).__benchResult = {
  n: N,
  rounds: ROUNDS,
  plainMs: median(plain),
  judgeFirstMs: median(judgeFirst),
  immediateMs: median(immediate),
};
