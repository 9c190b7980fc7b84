import { DecisionProvider, DecisionScreen } from '@deliberate/react';
import { useState } from 'react';
import { recordEvents } from './events';
import { brokenModelAnswer, eligibilityOptions, modelAnswer, policy, PROCEDURE } from './procedure';

/**
 * The four decisions the keyboard driver walks through, one per page (`?case=a` … `?case=d`).
 * Each is the five-minute integration: a provider with the procedure's options and a screen.
 */
export type CaseId = 'a' | 'b' | 'c' | 'd';

export const CASE_IDS: readonly CaseId[] = ['a', 'b', 'c', 'd'];

const actor = { id: 'sachbearbeitung-17', role: 'caseworker' };

/** A promise that has already failed, created once per page as a host's failed fetch would be. */
function useFailedRecommendation(): Promise<unknown> {
  const [failed] = useState(() => Promise.reject(new Error('model down')));
  return failed;
}

function Decision({ id, recommendation }: { id: CaseId; recommendation: unknown }) {
  return (
    <DecisionProvider
      recommendation={recommendation}
      options={eligibilityOptions}
      decisionId={`consumer-${id}`}
      procedure={PROCEDURE}
      caseRef={`WG-2026-00${id}`}
      actor={actor}
      stakes="high"
      policy={policy}
      locale="de"
      onEvents={recordEvents}
    >
      <DecisionScreen />
    </DecisionProvider>
  );
}

/** a: the AI's recommendation, judged first. */
function NormalRecommendation() {
  return <Decision id="a" recommendation={modelAnswer} />;
}

/** b: no recommendation for this case: the person decides on the procedure's options. */
function NoRecommendation() {
  return <Decision id="b" recommendation={null} />;
}

/** c: an invalid recommendation: never shown, the person decides without it. */
function InvalidRecommendation() {
  return <Decision id="c" recommendation={brokenModelAnswer} />;
}

/** d: the model service failed: the promise rejects, the person decides without the AI. */
function FailedRecommendation() {
  const failed = useFailedRecommendation();
  return <Decision id="d" recommendation={failed} />;
}

export function Case({ id }: { id: CaseId }) {
  switch (id) {
    case 'a':
      return <NormalRecommendation />;
    case 'b':
      return <NoRecommendation />;
    case 'c':
      return <InvalidRecommendation />;
    case 'd':
      return <FailedRecommendation />;
  }
}
