/*
 * The "Safeguards" panel: for the story on screen, every mounted decision's checks with their
 * status (symbol and word, never colour alone), why, the sources and a link to the UX reviewers'
 * guide. Headings per decision, a list per decision, all keyboard reachable.
 */
import React, { useEffect, useState } from 'react';
import { AddonPanel } from 'storybook/internal/components';
import { addons, types, useChannel, useStorybookState } from 'storybook/manager-api';
import {
  evaluateSafeguards,
  STATUS_LABEL,
  summarize,
  type EvaluatedCheck,
  type ReviewInput,
} from './catalogue.ts';
import { ADDON_ID, EVENT_REQUEST, EVENT_UPDATE, PANEL_ID } from './constants.ts';
import type { SafeguardsPayload } from './preview.ts';

const COLOURS = { pass: '#1a7f37', warn: '#9a6700', fail: '#cf222e' } as const;

function Result({ result }: { result: EvaluatedCheck }) {
  const label = STATUS_LABEL[result.status];
  return (
    <li
      data-status={result.status}
      style={{ padding: '8px 0', borderBottom: '1px solid rgba(128,128,128,.25)' }}
    >
      <p style={{ margin: 0 }}>
        <strong style={{ color: COLOURS[result.status] }}>
          <span aria-hidden="true">{label.symbol} </span>
          {label.en}
        </strong>
        {' — '}
        <span>{result.title.en}</span> <span lang="de">({result.title.de})</span>
      </p>
      <p style={{ margin: '4px 0' }}>{result.why}</p>
      <p style={{ margin: 0, fontSize: '0.9em' }}>
        Sources: {result.sources.map((s) => s.ref).join('; ')} ·{' '}
        <a href={result.doc} target="_top">
          What this safeguard means<span className="sb-sr-only"> ({result.title.en})</span>
        </a>
      </p>
    </li>
  );
}

function Decision({ review }: { review: ReviewInput }) {
  const results = evaluateSafeguards(review);
  const counts = summarize(results);
  return (
    <section aria-labelledby={`dlb-sg-${review.decisionId}`} style={{ marginBottom: 16 }}>
      <h3 id={`dlb-sg-${review.decisionId}`} style={{ margin: '8px 0' }}>
        Decision {review.decisionId} — {review.stakes} stakes, reveal {review.plan.reveal}, policy{' '}
        {review.plan.policyId}@{review.plan.policyVersion}
      </h3>
      <p style={{ margin: '4px 0' }}>
        {counts.fail} failing, {counts.warn} warnings, {counts.pass} passing. Justification:{' '}
        {review.plan.justification}; own time: {Math.round(review.plan.minOwnTimeMs / 1000)} s; logger:{' '}
        {review.logger ? 'attached' : 'none'}; locale: {review.locale}.
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {results.map((result) => (
          <Result key={result.id} result={result} />
        ))}
      </ul>
    </section>
  );
}

function SafeguardsPanel() {
  const { storyId } = useStorybookState();
  // Reviews belong to the story they came from: another story shows "waiting" until its own arrive.
  const [received, setReceived] = useState<{ storyId: string; payload: SafeguardsPayload } | null>(null);
  const emit = useChannel(
    { [EVENT_UPDATE]: (next: SafeguardsPayload) => setReceived({ storyId, payload: next }) },
    [storyId],
  );
  useEffect(() => {
    emit(EVENT_REQUEST);
  }, [storyId, emit]);
  const payload = received?.storyId === storyId ? received.payload : null;

  return (
    <div style={{ padding: '8px 16px', fontSize: 14, lineHeight: 1.45 }}>
      <h2 style={{ fontSize: 16, margin: '8px 0' }}>Safeguards</h2>
      <p style={{ margin: '4px 0' }}>
        What the mounted Deliberate components actually do, checked against AI Act Art. 14(4), the HAX
        guidelines and Deliberate’s research notes. Paraphrased; check legal wording against EUR-Lex.
      </p>
      <div role="status" aria-live="polite">
        {payload === null
          ? 'Waiting for the story…'
          : payload.reviews.length === 0
            ? 'No Deliberate decision on this story (no DecisionProvider mounted).'
            : `${payload.reviews.length} decision(s) checked.`}
      </div>
      {payload?.reviews.map((review) => (
        <Decision key={review.decisionId} review={review} />
      ))}
    </div>
  );
}

addons.register(ADDON_ID, () => {
  addons.add(PANEL_ID, {
    type: types.PANEL,
    title: 'Safeguards',
    render: ({ active }) => (
      <AddonPanel active={Boolean(active)}>
        <SafeguardsPanel />
      </AddonPanel>
    ),
  });
});
