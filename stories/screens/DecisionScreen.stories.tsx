import type { DecisionOptions, FrictionPlan } from '@deliberate/core';
import { fromCdsHooksCard } from '@deliberate/core/adapters';
import { DecisionScreen } from '@deliberate/react';
// The one stylesheet: it brings the charts' styles along.
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision, type StoryDecisionProps } from '../fixtures/decision.tsx';
import {
  cdsHooksCard,
  housingBenefit,
  invalidRecommendation,
  lowConfidence,
  rentEstimate,
  uncalibrated,
} from '../fixtures/recommendations.ts';
import { fullExplanation } from '../fixtures/explanations.ts';
import { localeOf } from '../fixtures/story-helpers.tsx';

/*
 * The composed decision screen in every flow the issue names. Interactive stories use explicit
 * plans without a minimum own-assessment time so their play functions need not wait; the
 * `MinimumOwnTime` story shows the wait as it appears to a person.
 */

function plan(overrides: Partial<FrictionPlan>): FrictionPlan {
  return {
    policyId: 'storybook',
    policyVersion: '1',
    rule: 'story',
    stakes: 'medium',
    band: 'medium',
    arm: 'ai',
    audit: false,
    reveal: 'after-judgement',
    justification: 'override',
    minOwnTimeMs: 0,
    checklist: [],
    ...overrides,
  };
}

type Render = NonNullable<Meta<typeof DecisionScreen>['render']>;

function inDecision(decision: Omit<StoryDecisionProps, 'children'>): Render {
  const StoryRender: Render = (args, context) => (
    <StoryDecision
      recommendation={housingBenefit}
      {...decision}
      locale={decision.locale ?? localeOf(context)}
    >
      <DecisionScreen {...args} />
    </StoryDecision>
  );
  return StoryRender;
}

const cds = fromCdsHooksCard(cdsHooksCard, { confidence: 0.78, calibrated: false });

const meta = {
  title: 'Screens/DecisionScreen',
  component: DecisionScreen,
  args: { judgement: 'auto', headingLevel: 2 },
  argTypes: {
    judgement: { control: 'inline-radio', options: ['auto', 'always', 'never'] },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component: [
          'The default decision screen: oversight controls, the person’s own judgement, the AI’s recommendation (revealed as the',
          'friction plan allows), and the finalize step. Every part sits in an error boundary. `data-state` is the protocol status,',
          '`data-reveal` the plan’s reveal mode. The events each flow recorded are listed under the screen.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof DecisionScreen>;

export default meta;
type Story = StoryObj<typeof meta>;

const screenOf = (canvasElement: HTMLElement) => {
  const region = canvasElement.querySelector<HTMLElement>('.dlb-screen');
  if (!region) throw new Error('No DecisionScreen rendered');
  return region;
};

/* -------------------------------------------------------------------------------------------------
 * Policies
 * -----------------------------------------------------------------------------------------------*/

/** The default policy at high stakes: judge first, a reason for every outcome, 20 s own time, a checklist. */
export const HighStakesDefaultPolicy: Story = {
  render: inDecision({ stakes: 'high' }),
};

/** Judge first, then the AI; the person disagrees and overrides with a reason. Keyboard only. */
export const JudgeFirstOverrideWithReason: Story = {
  render: inDecision({ plan: plan({ reveal: 'after-judgement' }), locale: 'en' }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await userEvent.click(canvas.getByRole('radio', { name: 'Reject' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Record my assessment' }));
    await canvas.findByText(/You and the AI disagree/);
    await userEvent.click(canvas.getByRole('radio', { name: /Keep my assessment/ }));
    await userEvent.click(
      canvas.getByRole('checkbox', { name: 'The case file contradicts the recommendation' }),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Override the recommendation: Reject' }));
    await canvas.findByText(/Final decision recorded: Reject/);
    await waitFor(() => expect(screenOf(canvasElement)).toHaveAttribute('data-state', 'finalized'));
    const log = within(canvasElement).getByRole('list', { name: 'Recorded events' });
    // Events arrive as the log holds them, once the outbox has stored them.
    await waitFor(() => expect(log).toHaveTextContent('decision.finalized'));
  },
};

/** The plan asks for a reason on every outcome: accepting needs one too. */
export const AcceptWithRequiredJustification: Story = {
  render: inDecision({ plan: plan({ reveal: 'after-judgement', justification: 'always' }), locale: 'en' }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await userEvent.click(canvas.getByRole('radio', { name: 'Approve' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Record my assessment' }));
    const accept = await canvas.findByRole('button', { name: 'Accept the recommendation: Approve' });
    await userEvent.click(accept);
    expect(screenOf(canvasElement)).not.toHaveAttribute('data-state', 'finalized');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Checked against the case file' }));
    await userEvent.click(accept);
    await canvas.findByText(/Final decision recorded: Approve/);
  },
};

/** Low stakes, confident and calibrated: the AI is shown at once. */
export const Immediate: Story = {
  render: inDecision({ plan: plan({ reveal: 'immediate', stakes: 'low', band: 'high' }) }),
};

/** The AI only on request: the person may form a view first. */
export const OnRequest: Story = {
  render: inDecision({ plan: plan({ reveal: 'on-request' }), locale: 'en' }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await userEvent.click(canvas.getByRole('button', { name: 'Show AI recommendation' }));
    await canvas.findByRole('heading', { name: 'AI recommendation' });
  },
};

/** The minimum own-assessment time, shown as the person's own time, never as the system working. */
export const MinimumOwnTime: Story = {
  render: inDecision({ plan: plan({ reveal: 'immediate', minOwnTimeMs: 60_000 }), locale: 'en' }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await canvas.findAllByText(/own assessment/);
    expect(screenOf(canvasElement).textContent).not.toMatch(/thinking|loading|processing/i);
  },
};

/* -------------------------------------------------------------------------------------------------
 * Recommendations
 * -----------------------------------------------------------------------------------------------*/

export const LowConfidence: Story = {
  render: inDecision({ recommendation: lowConfidence, plan: plan({ reveal: 'immediate' }) }),
};

export const Uncalibrated: Story = {
  render: inDecision({ recommendation: uncalibrated, plan: plan({ reveal: 'immediate' }) }),
};

export const NumericWithInterval: Story = {
  render: inDecision({ recommendation: rentEstimate, plan: plan({ reveal: 'after-judgement' }) }),
};

export const CdsHooksCard: Story = {
  render: inDecision({
    recommendation: cds.ok ? cds.value : null,
    plan: plan({ reveal: 'immediate' }),
    procedure: 'diabetes.hba1c-order',
    locale: 'en',
  }),
};

export const InvalidInput: Story = {
  render: inDecision({ recommendation: invalidRecommendation, plan: plan({ reveal: 'immediate' }) }),
  play: async ({ canvasElement }) => {
    const region = screenOf(canvasElement);
    expect(region).toHaveAttribute('data-state', 'without-ai');
    expect(region.textContent).not.toMatch(/\d+\s?%/);
  },
};

/* -------------------------------------------------------------------------------------------------
 * A recommendation that is still being computed
 * -----------------------------------------------------------------------------------------------*/

/** The procedure's own options, in its order: the person can decide whether or not the AI answers. */
const procedureOptions: DecisionOptions = {
  kind: 'choice',
  options: housingBenefit.options.map(({ id, label, labels }) => ({ id, label, labels: { ...labels } })),
};

/** A screen whose recommendation settles `afterMs` after mount, with the given outcome. */
function pending(outcome: 'arrives' | 'fails', afterMs: number): Render {
  const PendingRender: Render = (args, context) => {
    const [recommendation] = useState(() => {
      const promise = new Promise<unknown>((resolve, reject) =>
        setTimeout(
          () => (outcome === 'arrives' ? resolve(housingBenefit) : reject(new Error('model service down'))),
          afterMs,
        ),
      );
      // React's StrictMode calls this initialiser twice and keeps one promise; the other must not
      // surface as an unhandled rejection (the provider marks the one it gets).
      promise.catch(() => undefined);
      return promise;
    });
    return (
      <StoryDecision
        recommendation={recommendation}
        options={procedureOptions}
        plan={plan({ reveal: 'after-judgement' })}
        locale={localeOf(context)}
      >
        <DecisionScreen {...args} />
      </StoryDecision>
    );
  };
  return PendingRender;
}

/** The person judges while the AI computes; a polite status says when it is ready, never what it says. */
export const RecommendationArrivesLater: Story = {
  render: pending('arrives', 300),
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await expect(canvas.getByRole('radio', { name: 'Approve' })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByText('The AI recommendation is ready.')).toBeInTheDocument());
    await expect(screenOf(canvasElement)).toHaveAttribute('data-state', 'opened');
  },
};

export const RecommendationArrivesLaterGerman: Story = {
  render: pending('arrives', 300),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await expect(canvas.getByRole('radio', { name: 'Bewilligen' })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByText('Die KI-Empfehlung liegt vor.')).toBeInTheDocument());
  },
};

/** The AI's computation fails: the person decides with the procedure's options, and the log says why. */
export const RecommendationFailed: Story = {
  render: pending('fails', 100),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const region = screenOf(canvasElement);
    const canvas = within(region);
    await waitFor(() =>
      expect(
        canvas.getByText('Die KI-Empfehlung ist nicht verfügbar. Sie entscheiden ohne sie.'),
      ).toBeInTheDocument(),
    );
    await expect(region).toHaveAttribute('data-state', 'without-ai');
    await expect(
      canvas.getByText(
        'Die KI-Empfehlung konnte für diesen Fall nicht berechnet werden. Bitte entscheiden Sie anhand der Fallakte.',
      ),
    ).toBeInTheDocument();
    const events = within(canvasElement).getByRole('list', { name: 'Recorded events' });
    await waitFor(() => expect(events.textContent).toContain('recommendation.unavailable'));
  },
};

export const RecommendationFailedEnglish: Story = {
  render: pending('fails', 100),
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await waitFor(() =>
      expect(
        canvas.getByText('The AI recommendation is not available. You decide without it.'),
      ).toBeInTheDocument(),
    );
  },
};

/* -------------------------------------------------------------------------------------------------
 * Oversight
 * -----------------------------------------------------------------------------------------------*/

export const DecideWithoutAi: Story = {
  render: inDecision({ plan: plan({ reveal: 'on-request' }), locale: 'en' }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await userEvent.click(canvas.getByRole('button', { name: 'Decide without AI' }));
    await waitFor(() => expect(screenOf(canvasElement)).toHaveAttribute('data-state', 'without-ai'));
  },
};

export const AiStopped: Story = {
  render: inDecision({ plan: plan({ reveal: 'on-request' }), locale: 'en' }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await userEvent.click(canvas.getByRole('button', { name: 'Stop the AI for this procedure' }));
    const dialog = await within(document.body).findByRole('alertdialog');
    await userEvent.type(within(dialog).getByRole('textbox'), 'Recommendations contradict the case files');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop the AI' }));
    await waitFor(() => expect(screenOf(canvasElement)).toHaveAttribute('data-state', 'ai-stopped'));
  },
};

export const NoAiControlArm: Story = {
  render: inDecision({ plan: plan({ reveal: 'after-judgement', arm: 'no-ai' }) }),
};

/* -------------------------------------------------------------------------------------------------
 * Locales and themes
 * -----------------------------------------------------------------------------------------------*/

export const German: Story = {
  render: inDecision({ plan: plan({ reveal: 'after-judgement' }), locale: 'de' }),
};

export const English: Story = {
  render: inDecision({ plan: plan({ reveal: 'after-judgement' }), locale: 'en' }),
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: inDecision({ plan: plan({ reveal: 'immediate' }) }),
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  render: inDecision({ plan: plan({ reveal: 'immediate' }), locale: 'en' }),
};

/* -------------------------------------------------------------------------------------------------
 * Explanations
 * -----------------------------------------------------------------------------------------------*/

/**
 * The explanation, shown by default once the AI is revealed (every panel closed until opened);
 * opening and closing a panel is logged.
 */
export const Explanations: Story = {
  render: inDecision({
    recommendation: fullExplanation,
    plan: plan({ reveal: 'after-judgement' }),
    locale: 'en',
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await expect(canvas.queryByRole('region', { name: 'Check the recommendation' })).toBeNull();
    await userEvent.click(canvas.getByRole('radio', { name: 'Approve' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Record my assessment' }));
    const explanation = await canvas.findByRole('region', { name: 'Check the recommendation' });
    const evidence = within(explanation).getByRole('button', { name: /^Evidence from the file and the law/ });
    await expect(evidence).toHaveAttribute('aria-expanded', 'false');
    evidence.focus();
    await userEvent.keyboard('{Enter}');
    await expect(evidence).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Enter}');
    const log = within(canvasElement).getByRole('list', { name: 'Recorded events' });
    await waitFor(() => expect(log).toHaveTextContent('explanation.viewed'));
    // The factor chart is styled by '@deliberate/react/styles.css' alone (it imports the charts'
    // stylesheet): bars in the theme's colour, not SVG's default black.
    await userEvent.click(within(explanation).getByRole('button', { name: /^Factors in the model/ }));
    const bar = await waitFor(() => {
      const found = explanation.querySelector(
        '.dlb-attribution [data-sign="positive"] > .dlb-attribution__bar',
      );
      if (!found) throw new Error('no positive factor bar');
      return found;
    });
    await expect(getComputedStyle(bar).fill).not.toBe('rgb(0, 0, 0)');
    const hit = explanation.querySelector('.dlb-chart__hit');
    await expect(hit && getComputedStyle(hit).fill).toBe('rgba(0, 0, 0, 0)');
  },
};

/** The host opts out with `explanation={null}`: the recommendation carries one, none is shown. */
export const ExplanationOptOut: Story = {
  args: { explanation: null },
  render: inDecision({
    recommendation: fullExplanation,
    plan: plan({ reveal: 'immediate' }),
    locale: 'en',
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(screenOf(canvasElement));
    await canvas.findByRole('heading', { name: 'AI recommendation' });
    await expect(canvas.queryByRole('region', { name: 'Check the recommendation' })).toBeNull();
  },
};
