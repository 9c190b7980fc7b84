import {
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
    caption: (id: string, version: string) => `What policy ${id} ${version} asks of the person`,
    stakes: 'Stakes',
    stakesValue: { low: 'low', medium: 'medium', high: 'high' } satisfies Record<Stakes, string>,
    reveal: {
      immediate: 'AI shown at once',
      'on-request': 'AI only on request',
      'after-judgement': 'own judgement first, then AI',
    } satisfies Record<RevealMode, string>,
    justification: {
      none: 'no reason required',
      override: 'reason required when deviating',
      always: 'reason always required',
    } satisfies Record<JustificationRule, string>,
    ownTime: (s: string) => `at least ${s} own assessment`,
    checklist: (n: number) => `${n} checklist item${n === 1 ? '' : 's'}`,
    rule: 'rule',
    rulesHeading: 'The rules, in order',
  },
  de: {
    caption: (id: string, version: string) => `Was die Richtlinie ${id} ${version} von der Person verlangt`,
    stakes: 'Tragweite',
    stakesValue: { low: 'gering', medium: 'mittel', high: 'hoch' } satisfies Record<Stakes, string>,
    reveal: {
      immediate: 'KI sofort sichtbar',
      'on-request': 'KI nur auf Anfrage',
      'after-judgement': 'erst eigenes Urteil, dann KI',
    } satisfies Record<RevealMode, string>,
    justification: {
      none: 'keine Begründung nötig',
      override: 'Begründung bei Abweichung',
      always: 'Begründung immer nötig',
    } satisfies Record<JustificationRule, string>,
    ownTime: (s: string) => `mindestens ${s} eigene Prüfung`,
    checklist: (n: number) => `${n} Prüfpunkt${n === 1 ? '' : 'e'}`,
    rule: 'Regel',
    rulesHeading: 'Die Regeln, in ihrer Reihenfolge',
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
    label: { en: 'no confidence given', de: 'keine Konfidenz angegeben' },
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
 * A reviewer's view of a friction policy: for each combination of stakes and AI confidence, the
 * plan the policy resolves to and the rule that fired. Audit draws are shown off (they apply to a
 * random share of decisions).
 */
export function PolicyMatrix({ policy = defaultPolicy, locale = 'de' }: PolicyMatrixProps) {
  const t = messages[locale];
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 0 });
  const noAudit = { ...policy, auditRate: 0, noAiRate: 0 };
  return (
    <div lang={locale}>
      <table className="policy-matrix">
        <caption>{t.caption(policy.id, policy.version)}</caption>
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
          {stakesLevels.map((stakes) => (
            <tr key={stakes}>
              <th scope="row">{t.stakesValue[stakes]}</th>
              {scenarios.map((s) => {
                const plan = resolvePolicy({
                  policy: noAudit,
                  stakes,
                  confidence: s.confidence,
                  calibrated: s.calibrated,
                  decisionId: `${stakes}-${s.id}`,
                });
                return (
                  <td key={s.id} data-rule={plan.rule}>
                    <strong>{t.reveal[plan.reveal]}</strong>
                    <br />
                    {t.justification[plan.justification]}
                    {plan.minOwnTimeMs > 0 ? (
                      <>
                        <br />
                        {t.ownTime(seconds.format(plan.minOwnTimeMs / 1000))}
                      </>
                    ) : null}
                    {plan.checklist.length > 0 ? (
                      <>
                        <br />
                        {t.checklist(plan.checklist.length)}
                      </>
                    ) : null}
                    <br />
                    <small>
                      {t.rule}: <code>{plan.rule}</code>
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
    </div>
  );
}
