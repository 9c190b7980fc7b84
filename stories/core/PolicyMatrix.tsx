import {
  adaptPlanAfterReveal,
  defaultPolicy,
  resolvePolicy,
  type FrictionPolicy,
  type JustificationRule,
  type RevealMode,
  type Stakes,
} from '@deliberate/core';

type Locale = 'de' | 'en';

const messages = {
  en: {
    beforeCaption: (id: string, version: string) =>
      `Before the AI's recommendation is shown: what policy ${id} ${version} asks of the person, by stakes — the same whatever the AI says`,
    afterCaption: "After the AI's recommendation is shown: the reason required, by the AI's confidence",
    stakes: 'Stakes',
    stakesValue: { low: 'low', medium: 'medium', high: 'high' } satisfies Record<Stakes, string>,
    revealHeading: 'AI recommendation',
    justificationHeading: 'Reason',
    ownTimeHeading: 'Own assessment',
    checklistHeading: 'Checklist',
    ruleHeading: 'Rule',
    reveal: {
      immediate: 'shown at once',
      'on-request': 'only on request',
      'after-judgement': 'own judgement first, then AI',
    } satisfies Record<RevealMode, string>,
    justification: {
      none: 'no reason required',
      override: 'reason required when deviating',
      always: 'reason always required',
    } satisfies Record<JustificationRule, string>,
    ownTime: (s: string) => `at least ${s}`,
    noOwnTime: 'no minimum',
    checklist: (n: number) => (n === 0 ? 'none' : `${n} item${n === 1 ? '' : 's'}`),
    raised: 'raised after the reveal',
    noAfterRule: 'no rule after the reveal',
    rule: 'rule',
    rulesHeading: 'Rules before the reveal, in order',
    afterRulesHeading: 'Rules after the reveal, in order',
    noAfterRules: 'This policy has no rules after the reveal.',
  },
  de: {
    beforeCaption: (id: string, version: string) =>
      `Bevor die Empfehlung der KI angezeigt wird: was die Richtlinie ${id} ${version} von der Person verlangt, nach Tragweite – gleich, was die KI sagt`,
    afterCaption:
      'Nachdem die Empfehlung der KI angezeigt wurde: wann eine Begründung nötig ist, nach der Sicherheit der KI',
    stakes: 'Tragweite',
    stakesValue: { low: 'gering', medium: 'mittel', high: 'hoch' } satisfies Record<Stakes, string>,
    revealHeading: 'Empfehlung der KI',
    justificationHeading: 'Begründung',
    ownTimeHeading: 'Eigene Prüfung',
    checklistHeading: 'Prüfpunkte',
    ruleHeading: 'Regel',
    reveal: {
      immediate: 'sofort sichtbar',
      'on-request': 'nur auf Anfrage',
      'after-judgement': 'erst eigenes Urteil, dann KI',
    } satisfies Record<RevealMode, string>,
    justification: {
      none: 'keine Begründung nötig',
      override: 'Begründung bei Abweichung',
      always: 'Begründung immer nötig',
    } satisfies Record<JustificationRule, string>,
    ownTime: (s: string) => `mindestens ${s}`,
    noOwnTime: 'keine Mindestzeit',
    checklist: (n: number) => (n === 0 ? 'keine' : `${n} Prüfpunkt${n === 1 ? '' : 'e'}`),
    raised: 'nach der Anzeige verschärft',
    noAfterRule: 'keine Regel nach der Anzeige',
    rule: 'Regel',
    rulesHeading: 'Regeln vor der Anzeige, in ihrer Reihenfolge',
    afterRulesHeading: 'Regeln nach der Anzeige, in ihrer Reihenfolge',
    noAfterRules: 'Diese Richtlinie hat keine Regeln für die Zeit nach der Anzeige.',
  },
} as const;

interface Scenario {
  id: string;
  confidence: number | undefined;
  calibrated: boolean;
  label: Record<Locale, string>;
}

const scenarios: Scenario[] = [
  {
    id: 'high',
    confidence: 0.95,
    calibrated: true,
    label: { en: '95 %, calibrated', de: '95 %, kalibriert' },
  },
  {
    id: 'medium',
    confidence: 0.75,
    calibrated: true,
    label: { en: '75 %, calibrated', de: '75 %, kalibriert' },
  },
  {
    id: 'low',
    confidence: 0.55,
    calibrated: true,
    label: { en: '55 %, calibrated', de: '55 %, kalibriert' },
  },
  {
    id: 'uncalibrated',
    confidence: 0.95,
    calibrated: false,
    label: { en: '95 %, not calibrated', de: '95 %, nicht kalibriert' },
  },
  {
    id: 'unknown',
    confidence: undefined,
    calibrated: false,
    label: { en: 'no confidence given', de: 'keine Sicherheit angegeben' },
  },
];

const stakesLevels: Stakes[] = ['high', 'medium', 'low'];

export interface PolicyMatrixProps {
  /** The policy to show. @default defaultPolicy */
  policy?: FrictionPolicy;
  /** @default 'de' */
  locale?: Locale;
}

/**
 * A reviewer's view of a friction policy in two tables. Before the reveal: the plan for each
 * stakes level, which cannot depend on the AI's output (docs/architecture.md §1). After the
 * reveal: the reason the person must give, for each stakes level and AI confidence, with the
 * after-reveal rule that raised it. Audit draws are shown off (they apply to a random share of
 * decisions).
 */
export function PolicyMatrix({ policy = defaultPolicy, locale = 'de' }: PolicyMatrixProps) {
  const t = messages[locale];
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 0 });
  const noAudit = { ...policy, auditRate: 0, noAiRate: 0 };
  const plans = stakesLevels.map((stakes) => ({
    stakes,
    plan: resolvePolicy({ policy: noAudit, stakes, decisionId: `policy-matrix-${stakes}` }),
  }));
  const afterRules = policy.afterReveal ?? [];
  return (
    <div lang={locale}>
      <table className="policy-matrix" data-table="before-reveal">
        <caption>{t.beforeCaption(policy.id, policy.version)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.stakes}</th>
            <th scope="col">{t.revealHeading}</th>
            <th scope="col">{t.justificationHeading}</th>
            <th scope="col">{t.ownTimeHeading}</th>
            <th scope="col">{t.checklistHeading}</th>
            <th scope="col">{t.ruleHeading}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map(({ stakes, plan }) => (
            <tr key={stakes} data-rule={plan.rule}>
              <th scope="row">{t.stakesValue[stakes]}</th>
              <td>{t.reveal[plan.reveal]}</td>
              <td>{t.justification[plan.justification]}</td>
              <td>
                {plan.minOwnTimeMs > 0 ? t.ownTime(seconds.format(plan.minOwnTimeMs / 1000)) : t.noOwnTime}
              </td>
              <td>{t.checklist(plan.checklist.length)}</td>
              <td>
                <code>{plan.rule}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="policy-matrix" data-table="after-reveal">
        <caption>{t.afterCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.stakes}</th>
            {scenarios.map((s) => (
              <th scope="col" key={s.id}>
                {s.label[locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plans.map(({ stakes, plan }) => (
            <tr key={stakes}>
              <th scope="row">{t.stakesValue[stakes]}</th>
              {scenarios.map((s) => {
                const after = adaptPlanAfterReveal(plan, {
                  ...(s.confidence === undefined ? {} : { confidence: s.confidence }),
                  calibration: { calibrated: s.calibrated },
                });
                const raised = after.justification !== plan.justification;
                const rule = after.revealed?.rule;
                return (
                  <td key={s.id} data-band={after.revealed?.band} data-raised={raised ? 'true' : 'false'}>
                    {raised ? (
                      <strong>{t.justification[after.justification]}</strong>
                    ) : (
                      t.justification[after.justification]
                    )}
                    {raised ? (
                      <>
                        <br />
                        {t.raised}
                      </>
                    ) : null}
                    <br />
                    <small>
                      {rule === undefined ? (
                        t.noAfterRule
                      ) : (
                        <>
                          {t.rule}: <code>{rule}</code>
                        </>
                      )}
                    </small>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t.rulesHeading}</h3>
      <ol>
        {policy.rules.map((rule) => (
          <li key={rule.id}>
            <code>{rule.id}</code>: <span lang="en">{rule.description}</span>
          </li>
        ))}
      </ol>
      <h3>{t.afterRulesHeading}</h3>
      {afterRules.length === 0 ? (
        <p>{t.noAfterRules}</p>
      ) : (
        <ol>
          {afterRules.map((rule) => (
            <li key={rule.id}>
              <code>{rule.id}</code>: <span lang="en">{rule.description}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
