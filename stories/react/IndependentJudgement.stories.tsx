import type { DecisionAction, DecisionOptions, FrictionPlan } from '@deliberate/core';
import { IndependentJudgement, useDecision, type DecisionProviderProps } from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision } from '../fixtures/decision.tsx';
import { housingBenefit, rentEstimate } from '../fixtures/recommendations.ts';
import { REVEAL, Script, basePlan, localeOf } from '../fixtures/story-helpers.tsx';

/*
 * The person's own judgement before the AI is revealed. Each story sets up a decision through
 * `parameters.setup.decision` (provider props) and, where a state needs earlier steps, replays
 * them through `parameters.setup.script` — the same protocol actions a person's clicks would
 * dispatch. The procedure's options are passed as the provider's `options` unless a story sets
 * `procedureOptions: null` (the recommendation's options are then used, in a neutral order).
 */

/** The housing-benefit procedure's decision space, in the procedure's order. */
const eligibilityOptions: DecisionOptions = {
  kind: 'choice',
  options: housingBenefit.options.map(({ id, label, labels }) => ({ id, label, labels })),
};

/** The amount's space: whole cents from 0 to 2,000 euros. */
const amountOptions: DecisionOptions = { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 };
const rentInEuro = { ...rentEstimate, unit: 'EUR' };

const checklist: FrictionPlan['checklist'] = [
  { id: 'income', label: { en: 'Income documents checked', de: 'Einkommensnachweise geprüft' } },
  { id: 'rent', label: { en: 'Rent contract checked', de: 'Mietvertrag geprüft' } },
];

/** Replays protocol actions once, as if the person had taken those steps. */

/** Stands in for the Recommendation component (another family): reveals the AI. */
function RevealButton({ locale }: { locale: string }) {
  const { dispatch, allowed } = useDecision();
  if (!allowed.reveal.allowed) return null;
  return (
    <button type="button" className="story-button" onClick={() => dispatch(REVEAL)}>
      {locale === 'en' ? 'Show the AI’s recommendation' : 'Empfehlung der KI anzeigen'}
    </button>
  );
}

interface DecisionSetup {
  decision?: Partial<Omit<DecisionProviderProps, 'children' | 'options'>>;
  /** The procedure's options. @default eligibilityOptions; `null` passes none */
  procedureOptions?: DecisionOptions | null;
  script?: readonly DecisionAction[];
}

function Frame({
  children,
  setup,
  locale,
}: {
  children: ReactNode;
  setup: DecisionSetup;
  locale: 'de' | 'en';
}) {
  return (
    <div className="dlb-root" style={{ padding: '1rem', maxWidth: '44rem' }}>
      <StoryDecision
        recommendation={housingBenefit}
        plan={basePlan}
        locale={locale}
        {...(setup.procedureOptions === null
          ? {}
          : { options: setup.procedureOptions ?? eligibilityOptions })}
        {...setup.decision}
      >
        {setup.script ? <Script actions={setup.script} /> : null}
        {children}
        <RevealButton locale={locale} />
      </StoryDecision>
    </div>
  );
}

const meta = {
  title: 'Components/IndependentJudgement',
  component: IndependentJudgement,
  args: { showConfidence: true, showRationale: true },
  argTypes: {
    showConfidence: { control: 'boolean', description: 'Ask for the person’s own confidence (five steps).' },
    showRationale: { control: 'boolean', description: 'Offer a free-text rationale.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The person records their own decision before the AI is revealed (judge first). The options are the procedure’s (`DecisionProvider` `options`), in its order, without any hint of the recommendation; only when the procedure passes none are the recommendation’s used, ordered by label so that their order cannot carry the AI’s pick. The person can judge while the recommendation is still pending. An amount takes the procedure’s unit, range and step. Once recorded, the judgement is read-only and shows its time and commitment hash. A minimum own-assessment time is presented as the person’s own time, never as the system working.',
      },
    },
  },
  render: (args, context) => (
    <Frame
      setup={(context.parameters['setup'] as DecisionSetup | undefined) ?? {}}
      locale={localeOf(context)}
    >
      <IndependentJudgement {...args} />
    </Frame>
  ),
} satisfies Meta<typeof IndependentJudgement>;

export default meta;
type Story = StoryObj<typeof meta>;

export const JudgeFirst: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = canvas.getByRole('group', { name: 'Ihre eigene Einschätzung' });
    await userEvent.click(within(group).getByRole('radio', { name: 'Ablehnen' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'Eher sicher' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(canvas.getByText('Ihre Einschätzung ist festgehalten')).toHaveFocus();
    await expect(canvas.getByText(/^Festgehalten \d{2}:\d{2} · [0-9a-f]{4}…$/)).toBeVisible();
    await expect(canvas.queryByRole('radio')).toBeNull();
    await waitFor(() =>
      expect(canvas.getByRole('list', { name: 'Recorded events' })).toHaveTextContent('judgement.committed'),
    );
  },
};

export const ProcedureOrder: Story = {
  parameters: {
    setup: {
      // The source lists the options by probability; the step keeps the procedure's order.
      decision: { recommendation: { ...housingBenefit, options: [...housingBenefit.options].reverse() } },
    },
  },
  play: async ({ canvasElement }) => {
    const group = within(canvasElement).getByRole('group', { name: 'Ihre eigene Einschätzung' });
    await expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['approve', 'reject', 'request-documents']);
  },
};

export const WithoutProcedureOptions: Story = {
  parameters: { setup: { procedureOptions: null } },
  play: async ({ canvasElement }) => {
    const group = within(canvasElement).getByRole('group', { name: 'Ihre eigene Einschätzung' });
    // By label ("Ablehnen" first), never in the payload's order, which may follow the AI.
    await expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['reject', 'approve', 'request-documents']);
  },
};

export const RecommendationPending: Story = {
  parameters: { setup: { decision: { recommendation: 'pending', recommendationTimeoutMs: Infinity } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Unterlagen anfordern' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(canvas.getByText('Ihre Einschätzung ist festgehalten')).toHaveFocus();
  },
};

export const NoOptions: Story = {
  parameters: { setup: { procedureOptions: null, decision: { recommendation: null } } },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText(
        'Das Verfahren hat für diese Entscheidung keine Optionen vorgegeben; eine unabhängige Einschätzung kann hier daher nicht festgehalten werden.',
      ),
    ).toBeVisible();
  },
};

export const AmountInRange: Story = {
  parameters: { setup: { procedureOptions: amountOptions, decision: { recommendation: rentInEuro } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Ihr Betrag (EUR)' });
    await expect(input).toHaveAccessibleDescription(expect.stringMatching(/Zulässig: 0\s€ bis 2\.000\s€\./));
    await userEvent.type(input, '2500');
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(input).toHaveFocus();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(
      expect.stringMatching(/Geben Sie einen Betrag von 0\s€ bis 2\.000\s€ ein\./),
    );
  },
};

export const SkippedWithoutAi: Story = {
  parameters: { setup: { script: [{ type: 'decideWithoutAi' }] } },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'skipped'),
    );
    await expect(within(canvasElement).queryByRole('radio')).toBeNull();
  },
};

export const Numeric: Story = {
  parameters: {
    setup: {
      procedureOptions: { kind: 'numeric', unit: '€ / Monat' },
      decision: { recommendation: rentEstimate },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Ihr Betrag (€ / Monat)' }), '412,50');
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(canvas.getByText('Ihre Einschätzung ist festgehalten').parentElement).toHaveTextContent(
      '412,50 € / Monat',
    );
  },
};

export const NumericInvalid: Story = {
  parameters: {
    setup: {
      procedureOptions: { kind: 'numeric', unit: '€ / Monat' },
      decision: { recommendation: rentEstimate },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Ihr Betrag (€ / Monat)' });
    await userEvent.type(input, '412.50');
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(input).toHaveFocus();
    await expect(input).toHaveAccessibleDescription(
      expect.stringContaining(
        'Das ist keine Zahl. Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
      ),
    );
  },
};

export const WithChecklist: Story = {
  parameters: { setup: { decision: { plan: { ...basePlan, checklist } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Bewilligen' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Einkommensnachweise geprüft' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(canvas.getByText('Bestätigen Sie den noch offenen Prüfpunkt.')).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Mietvertrag geprüft' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(canvas.getByText('Ihre Einschätzung ist festgehalten')).toBeVisible();
  },
};

export const Committed: Story = {
  parameters: {
    setup: {
      script: [
        {
          type: 'commit',
          judgement: { label: 'reject', confidence: 0.7 },
          rationale: 'Einkommen liegt über der Grenze.',
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvasElement.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'committed'),
    );
    await expect(canvas.queryByRole('radio')).toBeNull();
    await expect(canvas.getByText('Einkommen liegt über der Grenze.')).toBeVisible();
  },
};

export const MinOwnTimeRunning: Story = {
  parameters: { setup: { decision: { plan: { ...basePlan, minOwnTimeMs: 60_000 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText(/^Nehmen Sie sich mindestens 60 Sekunden für Ihre eigene Einschätzung – noch/),
    ).toBeVisible();
    await expect(canvasElement).not.toHaveTextContent(/lädt|denkt|Bitte warten/);
  },
};

export const Locked: Story = {
  parameters: { setup: { decision: { plan: { ...basePlan, reveal: 'immediate' } }, script: [REVEAL] } },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('.dlb-judgement')).toHaveAttribute('data-state', 'locked'),
    );
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  parameters: { setup: { decision: { plan: { ...basePlan, checklist, minOwnTimeMs: 20_000 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Your own assessment' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: 'Request documents' })).toBeVisible();
    await expect(
      canvas.getByText(/^Take at least 20 seconds for your own assessment — \d+ seconds? left\.$/),
    ).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { setup: { decision: { plan: { ...basePlan, checklist } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Einschätzung festhalten' }));
    await expect(canvas.getByText('Wählen Sie zuerst Ihre Einschätzung.')).toBeVisible();
  },
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  parameters: { setup: { script: [{ type: 'commit', judgement: { label: 'approve', confidence: 0.9 } }] } },
};

export const AllStates: Story = {
  render: (args, context) => {
    const locale = localeOf(context);
    const states: { name: string; setup: DecisionSetup; defaultValue?: { label: string } }[] = [
      { name: 'empty', setup: {} },
      { name: 'drafting', setup: {}, defaultValue: { label: 'reject' } },
      {
        name: 'committed',
        setup: { script: [{ type: 'commit', judgement: { label: 'approve', confidence: 0.9 } }] },
      },
      {
        name: 'locked',
        setup: { decision: { plan: { ...basePlan, reveal: 'immediate' } }, script: [REVEAL] },
      },
      { name: 'skipped', setup: { script: [{ type: 'decideWithoutAi' }] } },
      { name: 'unavailable', setup: { procedureOptions: null, decision: { recommendation: null } } },
    ];
    return (
      <div style={{ display: 'grid', gap: '1.5rem' }}>
        {states.map(({ name, setup, defaultValue }) => (
          <section key={name} aria-label={`data-state="${name}"`}>
            <h2 style={{ fontSize: '1rem', margin: '0 0 .5rem' }}>
              <code>data-state="{name}"</code>
            </h2>
            <Frame setup={setup} locale={locale}>
              <IndependentJudgement {...args} {...(defaultValue ? { defaultValue } : {})} />
            </Frame>
          </section>
        ))}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(
        [...canvasElement.querySelectorAll('.dlb-judgement')].map((el) => el.getAttribute('data-state')),
      ).toEqual(['empty', 'drafting', 'committed', 'locked', 'skipped', 'unavailable']),
    );
  },
};
