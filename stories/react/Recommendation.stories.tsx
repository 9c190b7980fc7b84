import type { DecisionAction, FrictionPlan, JudgementInput } from '@deliberate/core';
import { fromCdsHooksCard } from '@deliberate/core/adapters';
import { Recommendation, useDecision, useI18n } from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId, type ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision, type StoryDecisionProps } from '../fixtures/decision.tsx';
import {
  cdsHooksCard,
  housingBenefit,
  invalidRecommendation,
  lowConfidence,
  rentEstimate,
  uncalibrated,
} from '../fixtures/recommendations.ts';
import { localeOf, Script } from '../fixtures/story-helpers.tsx';

/* -------------------------------------------------------------------------------------------------
 * Story helpers
 * -----------------------------------------------------------------------------------------------*/

function plan(reveal: FrictionPlan['reveal'], arm: FrictionPlan['arm'] = 'ai'): FrictionPlan {
  return {
    reveal,
    justification: 'override',
    minOwnTimeMs: 0,
    checklist: [],
    policyId: 'storybook',
    policyVersion: '1',
    rule: `story-${reveal}`,
    stakes: 'medium',
    band: 'medium',
    arm,
    audit: false,
  };
}

/** Stands in for IndependentJudgement (built elsewhere): commits a fixed judgement. */
function CommitJudgement({ judgement = { label: 'approve' } }: { judgement?: JudgementInput }) {
  const { dispatch } = useDecision();
  const { locale } = useI18n();
  return (
    <button type="button" className="story-commit" onClick={() => dispatch({ type: 'commit', judgement })}>
      {locale === 'en' ? 'Commit my own assessment' : 'Eigene Einschätzung festhalten'}
    </button>
  );
}

const cdsRecommendation = (() => {
  const result = fromCdsHooksCard(cdsHooksCard);
  return result.ok ? result.value : null;
})();

const STOP: DecisionAction = {
  type: 'stopAi',
  scope: 'procedure',
  reason: 'Empfehlungen widersprechen wiederholt der Aktenlage',
};

type StoryRender = NonNullable<Meta<typeof Recommendation>['render']>;

/** Renders the story's Recommendation inside a decision for the toolbar's locale. */
function inDecision(decision: Omit<StoryDecisionProps, 'children'>, extra?: ReactNode): StoryRender {
  const Render: StoryRender = (args, context) => {
    return (
      <div className="dlb-root" style={{ padding: '1rem', display: 'grid', gap: '1rem', maxWidth: '40rem' }}>
        <StoryDecision {...decision} locale={localeOf(context)}>
          <Recommendation {...args} />
          {extra}
        </StoryDecision>
      </div>
    );
  };
  return Render;
}

const regionOf = (canvasElement: HTMLElement) => {
  const region = canvasElement.querySelector<HTMLElement>('.dlb-recommendation');
  if (!region) throw new Error('No Recommendation rendered');
  return region;
};

/* -------------------------------------------------------------------------------------------------
 * Meta
 * -----------------------------------------------------------------------------------------------*/

const meta = {
  title: 'Components/Recommendation',
  component: Recommendation,
  args: { lowConfidenceThreshold: 0.66, headingLevel: 2, onReveal: fn() },
  argTypes: {
    lowConfidenceThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    confidenceFormat: {
      control: 'inline-radio',
      options: ['percent', 'frequency', 'verbal', 'icon-array', 'interval'],
    },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5, 6] },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'The AI’s recommendation, hidden until the friction plan allows it: `immediate` (on mount), `on-request` (a button),',
          '`after-judgement` (right after the person commits their own judgement). The reveal is logged with the confidence text',
          'exactly as shown and announced in a polite live region that exists before the reveal; focus stays where it is',
          '(after a click on “Show AI recommendation” it moves to the heading, because the button is gone).',
          '',
          '`data-state`: `hidden` | `available` | `revealed` | `unavailable` | `invalid`; `data-framing`: `recommendation` | `information`',
          '(below `lowConfidenceThreshold`, default 0.66, or without any confidence).',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof Recommendation>;

export default meta;
type Story = StoryObj<typeof meta>;

/* -------------------------------------------------------------------------------------------------
 * Reveal modes
 * -----------------------------------------------------------------------------------------------*/

export const AfterJudgement: Story = {
  render: inDecision({ recommendation: housingBenefit, plan: plan('after-judgement') }, <CommitJudgement />),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = regionOf(canvasElement);
    await expect(region).toHaveAttribute('data-state', 'hidden');
    await expect(region).toHaveTextContent(
      'Halten Sie zuerst Ihre eigene Einschätzung fest; danach wird die Empfehlung der KI angezeigt.',
    );
    const status = within(region).getByRole('status');
    await expect(status).toBeEmptyDOMElement();

    const commit = canvas.getByRole('button', { name: 'Eigene Einschätzung festhalten' });
    await userEvent.click(commit);

    await waitFor(() => expect(region).toHaveAttribute('data-state', 'revealed'));
    const meter = canvas.getByRole('meter', { name: 'Sicherheit des KI-Systems' });
    await expect(status).toHaveTextContent('Die KI-Empfehlung wird jetzt angezeigt: Bewilligen.');
    // The late reveal is announced, not focused (WCAG 4.1.3).
    await expect(commit).toHaveFocus();
    await expect(args.onReveal).toHaveBeenCalledWith({
      requested: false,
      display: { format: 'verbal', text: meter.getAttribute('aria-valuetext') },
    });
  },
};

export const OnRequest: Story = {
  render: inDecision({ recommendation: housingBenefit, plan: plan('on-request') }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const region = regionOf(canvasElement);
    await expect(region).toHaveAttribute('data-state', 'available');
    await userEvent.click(canvas.getByRole('button', { name: 'KI-Empfehlung anzeigen' }));

    await waitFor(() => expect(region).toHaveAttribute('data-state', 'revealed'));
    await expect(canvas.getByRole('heading', { name: 'KI-Empfehlung' })).toHaveFocus();
    const meter = canvas.getByRole('meter');
    await expect(args.onReveal).toHaveBeenCalledWith({
      requested: true,
      display: { format: 'verbal', text: meter.getAttribute('aria-valuetext') },
    });
  },
};

export const Immediate: Story = {
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate') }),
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(regionOf(canvasElement)).toHaveAttribute('data-state', 'revealed'));
    await expect(args.onReveal).toHaveBeenCalledWith(expect.objectContaining({ requested: false }));
    await expect(within(canvasElement).getByText('Bewilligen')).toBeVisible();
  },
};

/* -------------------------------------------------------------------------------------------------
 * Confidence
 * -----------------------------------------------------------------------------------------------*/

export const LowConfidence: Story = {
  render: inDecision({ recommendation: lowConfidence, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Information des KI-Systems' })).toBeVisible();
    await expect(canvas.getByText(/^Das System ist unsicher\./)).toBeVisible();
    await expect(regionOf(canvasElement)).toHaveAttribute('data-framing', 'information');
  },
};

export const Uncalibrated: Story = {
  args: { confidenceFormat: 'percent' },
  render: inDecision({ recommendation: uncalibrated, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^Nicht kalibriert:/)).toBeVisible();
    await expect(canvas.queryByRole('meter')).not.toBeInTheDocument();
  },
};

export const Percent: Story = {
  args: { confidenceFormat: 'percent' },
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const meter = await within(canvasElement).findByRole('meter');
    await expect(meter).toHaveAttribute('aria-valuetext', '80\u00a0%');
  },
};

export const IconArray: Story = {
  args: { confidenceFormat: 'icon-array' },
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const meter = await within(canvasElement).findByRole('meter');
    await expect(meter).toHaveAttribute('aria-valuetext', 'in etwa 8 von 10 ähnlichen Fällen zutreffend');
  },
};

export const NumericWithInterval: Story = {
  render: inDecision(
    { recommendation: rentEstimate, plan: plan('after-judgement') },
    <CommitJudgement judgement={{ value: 380 }} />,
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Eigene Einschätzung festhalten' }));
    await waitFor(() => expect(regionOf(canvasElement)).toHaveAttribute('data-state', 'revealed'));
    await expect(args.onReveal).toHaveBeenCalledWith({
      requested: false,
      display: {
        format: 'interval',
        text: '412,50 € / Monat (Vorhersageintervall 90\u00a0%: 360–470 € / Monat)',
      },
    });
  },
};

export const CdsHooksCard: Story = {
  render: inDecision({ recommendation: cdsRecommendation, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // A CDS Hooks card carries no confidence: shown as information, never as a number.
    await expect(await canvas.findByRole('heading', { name: 'Information des KI-Systems' })).toBeVisible();
    await expect(canvas.getByText('Order HbA1c')).toBeVisible();
    await expect(canvas.getByText('Das System gibt für diese Empfehlung keine Sicherheit an')).toBeVisible();
  },
};

/* -------------------------------------------------------------------------------------------------
 * Without the AI
 * -----------------------------------------------------------------------------------------------*/

export const AiStopped: Story = {
  render: inDecision(
    { recommendation: housingBenefit, plan: plan('immediate') },
    <Script actions={[STOP]} />,
  ),
  play: async ({ canvasElement }) => {
    const region = regionOf(canvasElement);
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'unavailable'));
    await expect(region).toHaveTextContent('Die KI wurde für dieses Verfahren gestoppt');
    await expect(within(canvasElement).queryByRole('meter')).not.toBeInTheDocument();
  },
};

export const DecidedWithoutAi: Story = {
  render: inDecision(
    { recommendation: housingBenefit, plan: plan('on-request') },
    <Script actions={[{ type: 'decideWithoutAi' }]} />,
  ),
  play: async ({ canvasElement }) => {
    const region = regionOf(canvasElement);
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'unavailable'));
    await expect(region).toHaveTextContent('Sie haben entschieden, ohne KI zu arbeiten');
    await expect(within(region).queryByRole('button')).not.toBeInTheDocument();
  },
};

export const NoAiArm: Story = {
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate', 'no-ai') }),
  play: async ({ canvasElement }) => {
    await expect(regionOf(canvasElement)).toHaveTextContent('Vergleichsgruppe ohne KI');
  },
};

export const NoRecommendation: Story = {
  render: inDecision({ recommendation: null, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    await expect(regionOf(canvasElement)).toHaveTextContent('Für diesen Fall gibt es keine KI-Empfehlung.');
  },
};

export const InvalidInput: Story = {
  render: inDecision({ recommendation: invalidRecommendation, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = regionOf(canvasElement);
    await expect(region).toHaveAttribute('data-state', 'invalid');
    const alert = within(region).getByRole('alert');
    await expect(alert).toHaveTextContent(
      'Die Wahrscheinlichkeiten der Optionen addieren sich nicht korrekt.',
    );
    await expect(alert).toHaveTextContent('Sie verweist auf eine Option, die es nicht gibt.');
    await expect(canvas.queryByRole('meter')).not.toBeInTheDocument();
    await expect(region).not.toHaveTextContent(/%/);

    await userEvent.click(canvas.getByText(/^Events/));
    // Events arrive as the log holds them, once the outbox has stored them.
    await waitFor(() =>
      expect(canvas.getByRole('list', { name: 'Recorded events' })).toHaveTextContent(
        'recommendation.invalid',
      ),
    );
  },
};

/* -------------------------------------------------------------------------------------------------
 * Hostile model text: a summary far over its cap with a right-to-left override in it
 * -----------------------------------------------------------------------------------------------*/

const RLO = '\u202E';
const hostileText = {
  ...housingBenefit,
  summary: `Einkommen geprüft ${RLO}evil.example${RLO} ${'Sehr lange Begründung. '.repeat(400)}`,
};

/** The cap's notice is visible and in the locale; the override stays inside its isolate. */
async function expectHostileTextContained(canvasElement: HTMLElement, notice: RegExp) {
  const region = regionOf(canvasElement);
  await waitFor(() => expect(region).toHaveAttribute('data-state', 'revealed'));
  const shortened = region.querySelector<HTMLElement>('[data-shortened="true"]');
  await expect(shortened).toBeVisible();
  await expect((shortened?.textContent ?? '').trim()).toMatch(notice);
  for (const element of Array.from(region.querySelectorAll('*'))) {
    const own = Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('');
    if (own.includes(RLO)) await expect(element.closest('bdi')).not.toBeNull();
  }
  await expect((region.textContent ?? '').length).toBeLessThan(4000);
}

export const HostileModelText: Story = {
  render: inDecision({ recommendation: hostileText, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    await expectHostileTextContained(
      canvasElement,
      /^\(Text gekürzt: 1\.9\d\d von 9\.\d{3} Zeichen angezeigt\)$/,
    );
  },
};

export const HostileModelTextEnglish: Story = {
  globals: { locale: 'en' },
  render: inDecision({ recommendation: hostileText, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    await expectHostileTextContained(
      canvasElement,
      /^\(Text shortened: 1,9\d\d of 9,\d{3} characters shown\)$/,
    );
  },
};

/* -------------------------------------------------------------------------------------------------
 * Languages and themes
 * -----------------------------------------------------------------------------------------------*/

export const English: Story = {
  globals: { locale: 'en' },
  render: inDecision({ recommendation: housingBenefit, plan: plan('after-judgement') }, <CommitJudgement />),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(regionOf(canvasElement)).toHaveTextContent(
      'Record your own assessment first; then the AI’s recommendation is shown.',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Commit my own assessment' }));
    await waitFor(() =>
      expect(within(regionOf(canvasElement)).getByRole('status')).toHaveTextContent(
        'The AI recommendation is now shown: Approve. likely (66–90%).',
      ),
    );
  },
};

export const EnglishInvalid: Story = {
  globals: { locale: 'en' },
  render: inDecision({ recommendation: invalidRecommendation, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'The probabilities of the options do not add up correctly.',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { confidenceFormat: 'icon-array' },
  render: inDecision({ recommendation: lowConfidence, plan: plan('immediate') }),
};

export const DarkUncalibrated: Story = {
  globals: { theme: 'dark' },
  render: inDecision({ recommendation: uncalibrated, plan: plan('on-request') }),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'KI-Empfehlung anzeigen' }));
    await expect(await within(canvasElement).findByText(/^Nicht kalibriert:/)).toBeVisible();
  },
};

export const DarkInvalid: Story = {
  globals: { theme: 'dark' },
  render: inDecision({ recommendation: invalidRecommendation, plan: plan('immediate') }),
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  args: { confidenceFormat: 'percent' },
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate') }),
};

/* -------------------------------------------------------------------------------------------------
 * All states
 * -----------------------------------------------------------------------------------------------*/

const ALL: { title: string; decision: Omit<StoryDecisionProps, 'children'>; actions?: DecisionAction[] }[] = [
  {
    title: 'hidden (after-judgement)',
    decision: { recommendation: housingBenefit, plan: plan('after-judgement') },
  },
  { title: 'available (on-request)', decision: { recommendation: housingBenefit, plan: plan('on-request') } },
  { title: 'revealed', decision: { recommendation: housingBenefit, plan: plan('immediate') } },
  { title: 'revealed, low confidence', decision: { recommendation: lowConfidence, plan: plan('immediate') } },
  { title: 'revealed, uncalibrated', decision: { recommendation: uncalibrated, plan: plan('immediate') } },
  { title: 'revealed, numeric', decision: { recommendation: rentEstimate, plan: plan('immediate') } },
  {
    title: 'unavailable (no-AI arm)',
    decision: { recommendation: housingBenefit, plan: plan('immediate', 'no-ai') },
  },
  {
    title: 'unavailable (AI stopped)',
    decision: { recommendation: housingBenefit, plan: plan('on-request') },
    actions: [STOP],
  },
  { title: 'invalid', decision: { recommendation: invalidRecommendation, plan: plan('immediate') } },
];

function Labelled({ title, children }: { title: string; children: (labelId: string) => ReactNode }) {
  const id = useId();
  return (
    <div style={{ display: 'grid', gap: '0.25rem' }}>
      <p id={id} style={{ margin: 0, fontFamily: 'monospace' }}>
        {title}
      </p>
      {children(id)}
    </div>
  );
}

/** Every state side by side; each region is named by its state so that landmarks stay unique. */
export const AllStates: Story = {
  render: function Render(args, context) {
    return (
      <div
        className="dlb-root"
        style={{ padding: '1rem', display: 'grid', gap: '1.5rem', maxWidth: '40rem' }}
      >
        {ALL.map(({ title, decision, actions }) => (
          <Labelled key={title} title={title}>
            {(labelId) => (
              <StoryDecision {...decision} locale={localeOf(context)} showEvents={false}>
                <Recommendation {...args} aria-labelledby={labelId} />
                {actions ? <Script actions={actions} /> : null}
              </StoryDecision>
            )}
          </Labelled>
        ))}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const states = () =>
      [...canvasElement.querySelectorAll('.dlb-recommendation')].map((node) =>
        node.getAttribute('data-state'),
      );
    await waitFor(() =>
      expect(states()).toEqual([
        'hidden',
        'available',
        'revealed',
        'revealed',
        'revealed',
        'revealed',
        'unavailable',
        'unavailable',
        'invalid',
      ]),
    );
  },
};
