import type { DecisionAction, DecisionOptions, RecommendationInput } from '@deliberate/core';
import {
  DecisionActions,
  FinalizeStep,
  IndependentJudgement,
  type DecisionProviderProps,
} from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision } from '../fixtures/decision.tsx';
import { housingBenefit, rentEstimate } from '../fixtures/recommendations.ts';
import { REVEAL, Script, basePlan, localeOf } from '../fixtures/story-helpers.tsx';

/*
 * The final decision: accept, modify, override, or decide without the AI. Unavailable actions
 * stay focusable (`aria-disabled`) and say why. In a FinalizeStep they wait for the resolution of
 * a disagreement and send the reasons of the Justification with `finalize`.
 */

const measures = {
  kind: 'ranked',
  options: [
    {
      id: 'welding',
      label: 'Welding course',
      labels: { de: 'Schweißkurs', en: 'Welding course' },
      probability: 0.5,
    },
    {
      id: 'accounting',
      label: 'Accounting course',
      labels: { de: 'Buchhaltungskurs', en: 'Accounting course' },
      probability: 0.3,
    },
    { id: 'coaching', label: 'Coaching', labels: { de: 'Coaching', en: 'Coaching' }, probability: 0.2 },
  ],
  model: { id: 'measures', version: '1.0.0' },
} satisfies RecommendationInput;

/** The procedure's options, in its order (not alphabetical, not the AI's). */
const eligibility: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'request-documents', label: 'Request documents', labels: { de: 'Unterlagen anfordern' } },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
  ],
};

const judged = (judgement: { label?: string; value?: number }): DecisionAction[] => [
  { type: 'commit', judgement },
  REVEAL,
];

interface DecisionSetup {
  decision?: Partial<Omit<DecisionProviderProps, 'children'>>;
  script?: readonly DecisionAction[];
  /** Render the whole finalize step (Contrast, Justification) around the actions. */
  step?: boolean;
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
      <StoryDecision recommendation={housingBenefit} plan={basePlan} locale={locale} {...setup.decision}>
        {setup.script ? <Script actions={setup.script} /> : null}
        <div style={{ display: 'grid', gap: '1.5rem' }}>
          <IndependentJudgement />
          {children}
        </div>
      </StoryDecision>
    </div>
  );
}

const meta = {
  title: 'Components/DecisionActions',
  component: DecisionActions,
  args: { onFinalize: fn(), onDecideWithoutAi: fn() },
  argTypes: {
    onFinalize: { description: 'Runs before the decision is recorded; `event.preventDefault()` cancels.' },
    onDecideWithoutAi: { description: 'Runs before "decide without the AI"; can cancel.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Accept, modify (ranked lists, amounts), override (another option) or decide without the AI. Each maps to one protocol action; double clicks and key repeats record once. Unavailable actions stay reachable and say why: the own assessment time left, a disagreement to resolve, or that the AI was already shown. Which actions show and whether they can be used is core’s `finalStep`; the options are the procedure’s (`DecisionProvider` `options`), so a person can decide without any recommendation.',
      },
    },
  },
  render: (args, context) => {
    const setup = (context.parameters['setup'] as DecisionSetup | undefined) ?? {};
    return (
      <Frame setup={setup} locale={localeOf(context)}>
        {setup.step ? (
          <FinalizeStep.Root>
            <FinalizeStep.Contrast />
            <FinalizeStep.Justification />
            <DecisionActions {...args} />
          </FinalizeStep.Root>
        ) : (
          <DecisionActions {...args} />
        )}
      </Frame>
    );
  },
} satisfies Meta<typeof DecisionActions>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Accept: Story = {
  parameters: { setup: { script: judged({ label: 'approve' }) } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const accept = await canvas.findByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' });
    await userEvent.dblClick(accept);
    await expect(args.onFinalize).toHaveBeenCalledTimes(1);
    await expect(
      canvas.getByText('Entscheidung festgehalten: Bewilligen. Sie haben die Empfehlung der KI übernommen.'),
    ).toHaveFocus();
    await waitFor(() =>
      expect(
        within(canvas.getByRole('list', { name: 'Recorded events' }))
          .getAllByRole('listitem')
          .filter((item) => item.textContent === 'decision.finalized'),
      ).toHaveLength(1),
    );
  },
};

export const OverrideWithReason: Story = {
  parameters: { setup: { script: judged({ label: 'reject' }), step: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('radio', { name: 'Bei meiner Einschätzung bleiben: Ablehnen' }),
    );
    const override = canvas.getByRole('button', { name: 'Abweichend entscheiden: Ablehnen' });
    await userEvent.click(override);
    await expect(canvas.getByRole('checkbox', { name: 'Mit der Akte abgeglichen' })).toHaveFocus();
    await expect(canvas.getByText('Wählen Sie mindestens einen Grund für Ihre Entscheidung.')).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Die Akte widerspricht der Empfehlung' }));
    await userEvent.click(override);
    await expect(
      canvas.getByText('Entscheidung festgehalten: Ablehnen. Sie haben abweichend von der KI entschieden.'),
    ).toHaveFocus();
  },
};

export const AcceptWithRequiredJustification: Story = {
  parameters: {
    setup: {
      decision: { plan: { ...basePlan, justification: 'always' } },
      script: judged({ label: 'approve' }),
      step: true,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const accept = await canvas.findByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' });
    await userEvent.click(accept);
    await expect(canvas.getByRole('checkbox', { name: 'Mit der Akte abgeglichen' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await userEvent.click(accept);
    await expect(canvas.getByText(/^Entscheidung festgehalten: Bewilligen\./)).toBeVisible();
  },
};

export const DecideWithoutAi: Story = {
  parameters: { setup: { script: [{ type: 'commit', judgement: { label: 'reject' } }], step: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Ohne KI entscheiden' }));
    await expect(
      canvas.getByText('Sie entscheiden ohne KI. Deren Empfehlung wird nicht angezeigt.'),
    ).toHaveFocus();
    const own = canvas.getByRole('group', { name: 'Ihre Entscheidung' });
    await expect(within(own).getByRole('radio', { name: 'Ablehnen' })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Entscheidung festhalten' }));
    await expect(
      canvas.getByText('Entscheidung festgehalten: Ablehnen. Sie haben ohne KI entschieden.'),
    ).toBeVisible();
  },
};

export const DecideWithoutAiAfterReveal: Story = {
  parameters: { setup: { script: judged({ label: 'approve' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const withoutAi = await canvas.findByRole('button', { name: 'Ohne KI entscheiden' });
    await expect(withoutAi).toHaveAttribute('aria-disabled', 'true');
    await expect(withoutAi).toHaveAccessibleDescription(/bereits angezeigt/);
  },
};

export const MinOwnTimeRunning: Story = {
  parameters: {
    setup: {
      decision: { plan: { ...basePlan, minOwnTimeMs: 600_000 } },
      script: judged({ label: 'approve' }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const accept = await canvas.findByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' });
    await expect(accept).toHaveAttribute('aria-disabled', 'true');
    await expect(accept).toHaveAccessibleDescription(
      /^Nehmen Sie sich mindestens 600 Sekunden für Ihre eigene Einschätzung – noch \d+ Sekunden\.$/,
    );
    await userEvent.click(accept);
    await expect(canvasElement.querySelector('.dlb-actions')).toHaveAttribute('data-state', 'too-early');
  },
};

export const Numeric: Story = {
  parameters: {
    setup: {
      decision: { recommendation: rentEstimate, plan: { ...basePlan, justification: 'none' } },
      script: judged({ value: 412.5 }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const amount = await canvas.findByRole('textbox', { name: 'Ihr Betrag (€ / Monat)' });
    await userEvent.type(amount, '395,5');
    const modify = canvas.getByRole('button', { name: 'Empfehlung anpassen' });
    await expect(modify).toHaveAccessibleDescription(
      /Innerhalb des 90\s%-Intervalls der KI .*: wird als Anpassung festgehalten\./,
    );
    await userEvent.click(modify);
    await expect(canvas.getByText(/^Entscheidung festgehalten: 395,50 € \/ Monat\./)).toBeVisible();
  },
};

export const Ranked: Story = {
  parameters: {
    setup: {
      decision: { recommendation: measures, plan: { ...basePlan, justification: 'none' } },
      script: judged({ label: 'welding' }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('group', { name: 'Eine andere Option aus der Liste der KI' }),
    ).toBeVisible();
    await expect(
      canvas.getByRole('textbox', { name: 'Eine Option, die nicht auf der Liste der KI steht' }),
    ).toBeVisible();
  },
};

export const WithoutRecommendation: Story = {
  parameters: {
    setup: {
      decision: { recommendation: null, options: eligibility, plan: { ...basePlan, justification: 'none' } },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(
        'Für diesen Fall gibt es keine verwendbare Empfehlung der KI; entscheiden Sie selbst.',
      ),
    ).toBeVisible();
    const own = canvas.getByRole('group', { name: 'Ihre Entscheidung' });
    await expect(
      within(own)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Unterlagen anfordern', 'Ablehnen', 'Bewilligen']);
    await userEvent.click(within(own).getByRole('radio', { name: 'Ablehnen' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Entscheidung festhalten' }));
    await expect(
      canvas.getByText('Entscheidung festgehalten: Ablehnen. Sie haben ohne KI entschieden.'),
    ).toHaveFocus();
  },
};

export const AmountInProcedureRange: Story = {
  parameters: {
    setup: {
      decision: {
        recommendation: null,
        options: { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 },
        plan: { ...basePlan, justification: 'none' },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const amount = await canvas.findByRole('textbox', { name: 'Ihr abschließender Betrag (EUR)' });
    await userEvent.type(amount, '2500');
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Entscheidung festhalten' }));
    await expect(amount).toHaveFocus();
    await expect(amount).toHaveAccessibleDescription(
      /^Dieser Betrag liegt außerhalb dessen, was dieses Verfahren zulässt\. Zwischen 0\s€ und 2\.000\s€\.$/,
    );
    await userEvent.clear(amount);
    await userEvent.type(amount, '1200,5');
    await userEvent.click(canvas.getByRole('button', { name: 'Meine Entscheidung festhalten' }));
    await expect(canvas.getByText(/^Entscheidung festgehalten: 1\.200,50\s€\./)).toBeVisible();
  },
};

export const NoOptions: Story = {
  parameters: { setup: { decision: { recommendation: null } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const record = await canvas.findByRole('button', { name: 'Meine Entscheidung festhalten' });
    await expect(record).toHaveAttribute('aria-disabled', 'true');
    await expect(record).toHaveAccessibleDescription(
      /Das Verfahren hat für diese Entscheidung keine Optionen hinterlegt/,
    );
  },
};

export const AwaitingRecommendation: Story = {
  parameters: {
    setup: {
      decision: { recommendation: 'pending', recommendationTimeoutMs: Infinity, options: eligibility },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^Die Empfehlung der KI wird noch berechnet\./)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Ohne KI entscheiden' })).not.toHaveAttribute(
      'aria-disabled',
    );
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  parameters: { setup: { script: judged({ label: 'reject' }), step: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const accept = await canvas.findByRole('button', { name: 'Accept the recommendation: Approve' });
    await expect(accept).toHaveAccessibleDescription(
      'First choose above how you want to resolve the disagreement with the AI.',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { setup: { script: judged({ label: 'reject' }), step: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('radio', { name: 'Der Empfehlung der KI folgen: Bewilligen' }),
    );
    await expect(canvas.getByRole('button', { name: 'Abweichend entscheiden' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  parameters: {
    setup: {
      decision: { plan: { ...basePlan, minOwnTimeMs: 600_000 } },
      script: judged({ label: 'approve' }),
    },
  },
};

export const AllStates: Story = {
  render: (args, context) => {
    const locale = localeOf(context);
    const states: { name: string; setup: DecisionSetup }[] = [
      { name: 'pending', setup: {} },
      {
        name: 'too-early',
        setup: {
          decision: { plan: { ...basePlan, minOwnTimeMs: 600_000 } },
          script: judged({ label: 'approve' }),
        },
      },
      { name: 'unresolved', setup: { script: judged({ label: 'reject' }) } },
      { name: 'ready', setup: { script: judged({ label: 'approve' }) } },
      {
        name: 'finalized',
        setup: {
          script: [
            ...judged({ label: 'approve' }),
            { type: 'finalize', final: { label: 'approve' }, intent: 'accept' },
          ],
        },
      },
    ];
    return (
      <div style={{ display: 'grid', gap: '1.5rem' }}>
        {states.map(({ name, setup }) => (
          <section key={name} aria-label={`data-state="${name}"`}>
            <h2 style={{ fontSize: '1rem', margin: '0 0 .5rem' }}>
              <code>data-state="{name}"</code>
            </h2>
            <div className="dlb-root" style={{ padding: '1rem' }}>
              <StoryDecision
                recommendation={housingBenefit}
                plan={basePlan}
                locale={locale}
                showEvents={false}
                {...setup.decision}
              >
                {setup.script ? <Script actions={setup.script} /> : null}
                <FinalizeStep.Root>
                  <FinalizeStep.Contrast />
                  <DecisionActions {...args} />
                </FinalizeStep.Root>
              </StoryDecision>
            </div>
          </section>
        ))}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(
        [...canvasElement.querySelectorAll('.dlb-actions')].map((el) => el.getAttribute('data-state')),
      ).toEqual(['pending', 'too-early', 'unresolved', 'ready', 'finalized']),
    );
  },
};
