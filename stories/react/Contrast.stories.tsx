import type { DecisionAction } from '@deliberate/core';
import {
  Contrast,
  DecisionActions,
  FinalizeStep,
  IndependentJudgement,
  Justification,
  type DecisionProviderProps,
  type Resolution,
} from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision } from '../fixtures/decision.tsx';
import { housingBenefit, rentEstimate } from '../fixtures/recommendations.ts';
import { REVEAL, Script, basePlan, localeOf } from '../fixtures/story-helpers.tsx';

/*
 * Contrast after a judge-first reveal: both sides in a table, the (dis)agreement in words, and
 * the resolution of a disagreement, which DecisionActions in the same finalize step waits for.
 */

const judged = (label: string, confidence?: number): DecisionAction[] => [
  { type: 'commit', judgement: confidence === undefined ? { label } : { label, confidence } },
  REVEAL,
];

interface DecisionSetup {
  decision?: Partial<Omit<DecisionProviderProps, 'children'>>;
  script?: readonly DecisionAction[];
  defaultResolution?: Resolution;
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
  title: 'Components/Contrast',
  component: Contrast,
  parameters: {
    docs: {
      description: {
        component:
          'After a judge-first reveal: the person’s judgement and the AI’s recommendation side by side, agreement or disagreement stated plainly, and — for a disagreement — a required choice of how to go on. In a finalize step, DecisionActions keeps every finalize action unavailable until that choice is made, then offers only the action that matches it.',
      },
    },
  },
  render: (args, context) => {
    const setup = (context.parameters['setup'] as DecisionSetup | undefined) ?? {};
    return (
      <Frame setup={setup} locale={localeOf(context)}>
        <FinalizeStep.Root
          {...(setup.defaultResolution ? { defaultResolution: setup.defaultResolution } : {})}
        >
          <Contrast {...args} />
          <Justification />
          <DecisionActions />
        </FinalizeStep.Root>
      </Frame>
    );
  },
} satisfies Meta<typeof Contrast>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Agreement: Story = {
  parameters: { setup: { script: judged('approve', 0.9) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(
        'Sie und die KI sind sich einig: Ihre Einschätzung lautet „Bewilligen“, die KI empfiehlt dasselbe.',
      ),
    ).toBeVisible();
    const table = canvas.getByRole('table', { name: 'Ihre Einschätzung und die Empfehlung der KI' });
    await expect(within(table).getByRole('row', { name: /^Sicherheit/ })).toHaveTextContent(
      'Sehr sicher82 %',
    );
    await expect(
      canvas.getByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' }),
    ).not.toHaveAttribute('aria-disabled');
  },
};

export const Disagreement: Story = {
  parameters: { setup: { script: judged('reject', 0.7) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(
        'Sie und die KI sind sich nicht einig: Ihre Einschätzung lautet „Ablehnen“, die KI empfiehlt „Bewilligen“.',
      ),
    ).toBeVisible();
    const accept = canvas.getByRole('button', { name: 'Empfehlung übernehmen: Bewilligen' });
    await expect(accept).toHaveAttribute('aria-disabled', 'true');
    await expect(accept).toHaveAccessibleDescription(
      'Wählen Sie zuerst oben, wie Sie mit der abweichenden Einschätzung der KI umgehen möchten.',
    );
  },
};

export const DisagreementResolved: Story = {
  parameters: { setup: { script: judged('reject', 0.7) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('radio', { name: 'Bei meiner Einschätzung bleiben: Ablehnen' }),
    );
    await expect(
      canvas.getByRole('button', { name: 'Abweichend entscheiden: Ablehnen' }),
    ).not.toHaveAttribute('aria-disabled');
    await expect(canvasElement.querySelector('.dlb-contrast')).toHaveAttribute(
      'data-resolution',
      'keep-mine',
    );
  },
};

export const NumericDisagreement: Story = {
  parameters: {
    setup: {
      decision: { recommendation: rentEstimate },
      script: [{ type: 'commit', judgement: { value: 380 } }, REVEAL],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(
        'Der Unterschied beträgt 32,50 € / Monat. Ihr Betrag liegt innerhalb des 90 %-Intervalls der KI (360 € / Monat – 470 € / Monat).',
      ),
    ).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  parameters: { setup: { script: judged('request-documents', 0.3) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(
        'You and the AI disagree: you assessed Request documents, the AI recommends Approve.',
      ),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: 'Follow the AI’s recommendation: Approve' }));
    await expect(
      canvas.getByRole('button', { name: 'Accept the recommendation: Approve' }),
    ).not.toHaveAttribute('aria-disabled');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { setup: { script: judged('reject', 0.5) } },
};

export const DarkAgreement: Story = {
  globals: { theme: 'dark' },
  parameters: { setup: { script: judged('approve') } },
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  parameters: { setup: { script: judged('reject', 0.5) } },
};

export const AllStates: Story = {
  render: (args, context) => {
    const locale = localeOf(context);
    const states: { name: string; setup: DecisionSetup }[] = [
      { name: 'unavailable', setup: {} },
      { name: 'agree', setup: { script: judged('approve', 0.9) } },
      { name: 'disagree', setup: { script: judged('reject', 0.7) } },
      { name: 'resolved', setup: { script: judged('reject', 0.7), defaultResolution: 'keep-mine' } },
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
              >
                {setup.script ? <Script actions={setup.script} /> : null}
                <FinalizeStep.Root
                  {...(setup.defaultResolution ? { defaultResolution: setup.defaultResolution } : {})}
                >
                  <Contrast {...args} />
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
        [...canvasElement.querySelectorAll('.dlb-contrast')].map((el) => el.getAttribute('data-state')),
      ).toEqual(['unavailable', 'agree', 'disagree', 'resolved']),
    );
  },
};
