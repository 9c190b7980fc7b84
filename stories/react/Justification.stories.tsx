import type { DecisionAction, Recommendation } from '@deliberate/core';
import { fromCdsHooksCard } from '@deliberate/core/adapters';
import {
  FinalizeStep,
  IndependentJudgement,
  Justification,
  type DecisionProviderProps,
} from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision } from '../fixtures/decision.tsx';
import { cdsHooksCard, housingBenefit } from '../fixtures/recommendations.ts';
import { REVEAL, Script, basePlan, localeOf } from '../fixtures/story-helpers.tsx';

/*
 * Coded reasons and a comment, inline in the finalize step: no dialog to close, no way round it
 * by keyboard or double submit. Whether a reason is required is the plan's rule; the protocol
 * enforces it and a refusal comes back next to the field, which receives focus.
 */

const card = fromCdsHooksCard(cdsHooksCard);
const cdsRecommendation: Recommendation | null = card.ok ? card.value : null;

const judged = (label: string): DecisionAction[] => [{ type: 'commit', judgement: { label } }, REVEAL];

interface DecisionSetup {
  decision?: Partial<Omit<DecisionProviderProps, 'children'>>;
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
  title: 'Components/Justification',
  component: Justification,
  parameters: {
    docs: {
      description: {
        component:
          'Coded reasons (the host’s, a CDS Hooks card’s `overrideReasons`, or Deliberate’s defaults) with German and English labels, plus free text. Required per the plan: `override` for any deviation, `always` for every outcome including accepting and deciding without the AI. A reason such as “Other” needs a comment.',
      },
    },
  },
  render: (args, context) => (
    <Frame
      setup={(context.parameters['setup'] as DecisionSetup | undefined) ?? {}}
      locale={localeOf(context)}
    >
      <FinalizeStep.Root>
        <FinalizeStep.Contrast />
        <Justification {...args} />
        <FinalizeStep.Actions />
      </FinalizeStep.Root>
    </Frame>
  ),
} satisfies Meta<typeof Justification>;

export default meta;
type Story = StoryObj<typeof meta>;

export const RequiredToOverride: Story = {
  parameters: { setup: { script: judged('approve') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reasons = await canvas.findByRole('group', {
      name: 'Gründe für Ihre Entscheidung (Pflichtangabe, wenn Sie die Empfehlung der KI nicht übernehmen)',
    });
    await userEvent.click(canvas.getByRole('radio', { name: 'Ablehnen' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Abweichend entscheiden' }));
    await expect(within(reasons).getByRole('checkbox', { name: 'Mit der Akte abgeglichen' })).toHaveFocus();
    await expect(reasons).toHaveAccessibleDescription(
      /Wählen Sie mindestens einen Grund für Ihre Entscheidung\./,
    );
  },
};

export const AcceptWithRequiredJustification: Story = {
  parameters: {
    setup: { decision: { plan: { ...basePlan, justification: 'always' } }, script: judged('approve') },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('group', { name: 'Gründe für Ihre Entscheidung (Pflichtangabe)' }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Mit der Akte abgeglichen' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' }));
    await expect(canvas.getByText('Gründe')).toBeVisible();
    await expect(canvasElement.querySelector('.dlb-justification')).toHaveAttribute('data-state', 'recorded');
  },
};

export const OtherNeedsComment: Story = {
  parameters: {
    setup: { decision: { plan: { ...basePlan, justification: 'always' } }, script: judged('approve') },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Sonstiges (bitte erläutern)' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' }));
    const comment = canvas.getByRole('textbox', { name: 'Kommentar (Pflichtangabe)' });
    await expect(comment).toHaveFocus();
    await expect(comment).toHaveAccessibleDescription(
      'Erforderlich für: Sonstiges (bitte erläutern). Erläutern Sie den Grund „Sonstiges (bitte erläutern)“ im Kommentar.',
    );
  },
};

export const CdsHooksOverrideReasons: Story = {
  globals: { locale: 'en' },
  parameters: { setup: { decision: { recommendation: cdsRecommendation }, script: judged('no-order') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reasons = await canvas.findByRole('group', { name: /Reasons for your decision/ });
    await expect(
      within(reasons)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Recent result from another lab', 'Patient declined']);
  },
};

export const DecideWithoutAiAlways: Story = {
  parameters: {
    setup: {
      decision: { plan: { ...basePlan, justification: 'always' } },
      script: [{ type: 'commit', judgement: { label: 'reject' } }, { type: 'decideWithoutAi' }],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Meine Entscheidung festhalten' }));
    await expect(canvas.getByText('Wählen Sie mindestens einen Grund für Ihre Entscheidung.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  parameters: {
    setup: { decision: { plan: { ...basePlan, justification: 'always' } }, script: judged('reject') },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('checkbox', { name: 'Information the AI did not have' }),
    ).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: {
    setup: { decision: { plan: { ...basePlan, justification: 'always' } }, script: judged('approve') },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Sonstiges (bitte erläutern)' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' }));
    await expect(canvas.getByText(/im Kommentar\.$/)).toBeVisible();
  },
};

export const AllStates: Story = {
  render: (args, context) => {
    const locale = localeOf(context);
    const always = { ...basePlan, justification: 'always' as const };
    const states: { name: string; setup: DecisionSetup; props?: Parameters<typeof Justification>[0] }[] = [
      { name: 'empty', setup: { decision: { plan: always }, script: judged('approve') } },
      {
        name: 'filled',
        setup: { script: judged('approve') },
        props: { defaultReasons: ['other'], defaultComment: 'Zweiter Mieter laut Vertrag.' },
      },
      {
        name: 'recorded',
        setup: {
          script: [
            ...judged('approve'),
            {
              type: 'finalize',
              final: { label: 'approve' },
              intent: 'accept',
              reasons: [
                {
                  system: 'urn:deliberate:reason',
                  code: 'verified-in-case-file',
                  display: 'Checked against the case file',
                },
              ],
            },
          ],
        },
      },
    ];
    return (
      <div style={{ display: 'grid', gap: '1.5rem' }}>
        {states.map(({ name, setup, props }) => (
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
                <Justification {...args} {...props} />
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
        [...canvasElement.querySelectorAll('.dlb-justification')].map((el) => el.getAttribute('data-state')),
      ).toEqual(['empty', 'filled', 'recorded']),
    );
  },
};
