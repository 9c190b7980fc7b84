import '@deliberate/charts/charts.css';
import type { FrictionPlan } from '@deliberate/core';
import { EXPLANATION_PANELS, ExplanationPanel, Recommendation } from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision, type StoryDecisionProps } from '../fixtures/decision.tsx';
import {
  fullExplanation,
  fullExplanationEnglish,
  malformedExplanation,
  manyFactors,
  noCounterEvidence,
  noExplanation,
  oneFactor,
  scriptPayload,
  singleSimilarCase,
  zeroFactors,
} from '../fixtures/explanations.ts';
import { localeOf } from '../fixtures/story-helpers.tsx';

/*
 * The explanation of a revealed recommendation, panel by panel. Stories reveal the AI at once
 * (`immediate`, no minimum own time) so that the panels are there; `BeforeReveal` shows what the
 * component says before. Stories with extreme or hostile data open the panels concerned so that
 * axe checks what they render. The events a story recorded are listed under it.
 */

function plan(reveal: FrictionPlan['reveal']): FrictionPlan {
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
    arm: 'ai',
    audit: false,
  };
}

type Render = NonNullable<Meta<typeof ExplanationPanel>['render']>;

/** The Recommendation (revealed at once) with the ExplanationPanel under it, in a decision. */
function inDecision(decision: Omit<StoryDecisionProps, 'children'> = {}): Render {
  const StoryRender: Render = (args, context) => (
    <div className="dlb-root" style={{ padding: '1rem', display: 'grid', gap: '1rem', maxWidth: '60rem' }}>
      <StoryDecision
        recommendation={fullExplanation}
        plan={plan('immediate')}
        {...decision}
        locale={decision.locale ?? localeOf(context)}
      >
        <Recommendation headingLevel={2} />
        <ExplanationPanel {...args} />
      </StoryDecision>
    </div>
  );
  return StoryRender;
}

const rootOf = (canvasElement: HTMLElement) => {
  const root = canvasElement.querySelector<HTMLElement>('.dlb-explanation');
  if (!root) throw new Error('No ExplanationPanel rendered');
  return root;
};

const available = (canvasElement: HTMLElement) =>
  waitFor(() => expect(rootOf(canvasElement)).not.toHaveAttribute('data-reason', 'before-reveal'));

const ALL = [...EXPLANATION_PANELS];

const meta = {
  title: 'Components/ExplanationPanel',
  component: ExplanationPanel,
  args: { headingLevel: 2, showTables: false, onValueChange: fn() },
  argTypes: {
    headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5] },
    showTables: { control: 'boolean' },
    panels: { control: 'check', options: ALL },
    explanation: { control: false },
    calibration: { control: false },
    model: { control: false },
    detail: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'The explanation of the revealed AI recommendation, built for checking it rather than for trusting it: evidence',
          'first (quotations that speak for **and** against it, in equal columns, with sources and links), then what would',
          'change the recommendation and who could change that, similar cases including those decided the other way,',
          'the factors in plain words with a chart and its table, the AI system’s own text, and the model’s facts',
          '(intended use, limits, accuracy by group, reliability diagram).',
          '',
          'A Radix Accordion (`type="multiple"`): every panel is closed until the person opens it; Enter/Space open and',
          'close, Arrow Up/Down move between triggers. Each opening is logged as `explanation.viewed` with its duration',
          'when it ends (closed, unmounted, or the page hidden). Nothing is shown before the reveal. Text from the payload',
          'is rendered as text or safe markdown; a malformed payload says what is missing.',
          '',
          'Root `data-state`: `unavailable` | `available` | `invalid` (`data-reason` when unavailable); list and items',
          '`data-state`: `open` | `closed`; items `data-panel`, `data-validity`.',
          '',
          'Styles: import `@deliberate/charts/charts.css` next to `@deliberate/react/styles.css`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ExplanationPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/* -------------------------------------------------------------------------------------------------
 * Locales, themes, all panels
 * -----------------------------------------------------------------------------------------------*/

/** Every panel, closed, German. */
export const German: Story = {
  render: inDecision({ locale: 'de' }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const root = rootOf(canvasElement);
    await expect(root).toHaveAttribute('data-state', 'available');
    const triggers = within(root).getAllByRole('button');
    await expect(triggers).toHaveLength(6);
    await expect(triggers[0]).toHaveAccessibleName(/^Belege aus Akte und Recht/);
    for (const trigger of triggers) await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

export const English: Story = {
  render: inDecision({ locale: 'en', recommendation: fullExplanationEnglish }),
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { defaultValue: ['evidence', 'factors'] },
  render: inDecision(),
};

export const DarkEnglish: Story = {
  globals: { theme: 'dark' },
  args: { defaultValue: ['counterfactuals', 'similar-cases', 'model'] },
  render: inDecision({ locale: 'en', recommendation: fullExplanationEnglish }),
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  args: { defaultValue: ['evidence'] },
  render: inDecision({ locale: 'en' }),
};

/** Every panel open at once, with the charts' tables shown: the "all states" story. */
export const AllPanelsOpen: Story = {
  args: { defaultValue: ALL, showTables: true },
  render: inDecision(),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const root = rootOf(canvasElement);
    for (const trigger of within(root).getAllByRole('button', { expanded: true })) {
      await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    }
    await expect(within(root).getAllByRole('region')).toHaveLength(6);
  },
};

/* -------------------------------------------------------------------------------------------------
 * Behaviour
 * -----------------------------------------------------------------------------------------------*/

/** Keyboard only: open evidence with Enter, move with the arrows, open with Space, close; the log shows the view. */
export const KeyboardAndViewEvents: Story = {
  render: inDecision({ locale: 'en' }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await available(canvasElement);
    const root = rootOf(canvasElement);
    const evidence = within(root).getByRole('button', { name: /^Evidence from the file and the law/ });
    evidence.focus();
    await userEvent.keyboard('{Enter}');
    await expect(evidence).toHaveAttribute('aria-expanded', 'true');
    const region = await canvas.findByRole('region', { name: /^Evidence from the file and the law/ });
    await expect(
      within(region).getByRole('list', { name: /^Speaks against the recommendation/ }),
    ).toBeVisible();

    await userEvent.keyboard('{ArrowDown}');
    const counterfactuals = within(root).getByRole('button', {
      name: /^What would change the recommendation/,
    });
    await expect(counterfactuals).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(counterfactuals).toHaveAttribute('aria-expanded', 'true');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(['evidence', 'counterfactuals']);

    // Closing ends the opening and logs it.
    await userEvent.keyboard('{ArrowUp}');
    await expect(evidence).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(evidence).toHaveAttribute('aria-expanded', 'false');
    const log = canvas.getByRole('list', { name: 'Recorded events' });
    await waitFor(() => expect(log).toHaveTextContent('explanation.viewed'));
    await expect(within(log).getAllByText('explanation.viewed')).toHaveLength(1);
  },
};

/** Before the reveal nothing of the explanation is shown, only when it will be. */
export const BeforeReveal: Story = {
  render: inDecision({ plan: plan('on-request') }),
  play: async ({ canvasElement }) => {
    const root = rootOf(canvasElement);
    await expect(root).toHaveAttribute('data-state', 'unavailable');
    await expect(root).toHaveAttribute('data-reason', 'before-reveal');
    await expect(within(root).queryAllByRole('button')).toHaveLength(0);
  },
};

/** Parts composed by hand: only evidence and similar cases, evidence open. */
export const Composed: Story = {
  render: (_args, context) => (
    <div className="dlb-root" style={{ padding: '1rem', display: 'grid', gap: '1rem', maxWidth: '60rem' }}>
      <StoryDecision recommendation={fullExplanation} plan={plan('immediate')} locale={localeOf(context)}>
        <Recommendation headingLevel={2} />
        <ExplanationPanel.Root headingLevel={2} defaultValue={['evidence']}>
          <ExplanationPanel.List>
            <ExplanationPanel.Item value="evidence" />
            <ExplanationPanel.Item value="similar-cases" />
          </ExplanationPanel.List>
        </ExplanationPanel.Root>
      </StoryDecision>
    </div>
  ),
};

/* -------------------------------------------------------------------------------------------------
 * Empty and extreme data
 * -----------------------------------------------------------------------------------------------*/

export const OneFactor: Story = {
  args: { defaultValue: ['factors'] },
  render: inDecision({ recommendation: oneFactor }),
};

/** 500 factors: the chart folds the long tail into one row; the words still name the top three each way. */
export const FiveHundredFactors: Story = {
  args: { defaultValue: ['factors'] },
  render: inDecision({ recommendation: manyFactors, locale: 'en' }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const region = await within(canvasElement).findByRole('region', { name: /^Factors/ });
    await expect(region).toHaveTextContent(
      'Raised it most: Merkmal 1 (+0.20), Merkmal 3 (+0.07), Merkmal 5 (+0.04).',
    );
    await expect(region).toHaveTextContent(/other factors/);
  },
};

export const AllZeroContributions: Story = {
  args: { defaultValue: ['factors'] },
  render: inDecision({ recommendation: zeroFactors }),
};

/** One similar case, and it was decided the other way. */
export const SingleSimilarCase: Story = {
  args: { defaultValue: ['similar-cases'] },
  render: inDecision({ recommendation: singleSimilarCase, locale: 'en' }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const table = await within(canvasElement).findByRole('table', { name: /^Similar cases/ });
    await expect(table).toHaveTextContent('decided differently');
  },
};

/** Nothing quoted against the recommendation: the empty column keeps its place and says so. */
export const NoCounterEvidence: Story = {
  args: { defaultValue: ['evidence'] },
  render: inDecision({ recommendation: noCounterEvidence }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const region = await within(canvasElement).findByRole('region', { name: /^Belege/ });
    await expect(
      within(region).getByRole('heading', { name: 'Spricht gegen die Empfehlung (0)' }),
    ).toBeVisible();
  },
};

/** The AI system sent no explanation at all. */
export const NoExplanation: Story = {
  render: inDecision({ recommendation: noExplanation }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rootOf(canvasElement)).toHaveAttribute('data-reason', 'not-provided'));
  },
};

/** A malformed payload from a separate XAI service: each panel says what is missing, the rest works. */
export const MalformedPayload: Story = {
  args: { explanation: malformedExplanation, defaultValue: ALL },
  render: inDecision({ locale: 'en' }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const root = rootOf(canvasElement);
    await expect(root).toHaveAttribute('data-state', 'invalid');
    await expect(root).toHaveTextContent('This explanation is incomplete');
    await expect(root).toHaveTextContent('evidence[1].source: missing');
    await expect(root).toHaveTextContent('Sparguthaben bei der Sparkasse');
  },
};

/**
 * The same malformed payload inside the recommendation itself: the advice is still shown (its
 * options and confidence are valid), and the panel names what the explanation is missing.
 */
export const MalformedInlineExplanation: Story = {
  args: { defaultValue: ALL },
  render: inDecision({
    locale: 'en',
    recommendation: { ...fullExplanation, explanation: malformedExplanation },
  }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const root = rootOf(canvasElement);
    await expect(root).toHaveAttribute('data-state', 'invalid');
    await expect(root).toHaveTextContent('evidence[1].source: missing');
    await expect(canvasElement.querySelector('.dlb-recommendation')).toHaveAttribute(
      'data-state',
      'revealed',
    );
    await expect(canvasElement).not.toHaveTextContent('The AI recommendation cannot be shown');
  },
};

/** Scripts, event handlers, images and javascript:/data: links in every text field: all inert. */
export const ScriptPayload: Story = {
  args: { defaultValue: ALL },
  render: inDecision({ recommendation: scriptPayload, locale: 'en' }),
  play: async ({ canvasElement }) => {
    await available(canvasElement);
    const root = rootOf(canvasElement);
    await expect(root.querySelectorAll('script, img, iframe, svg[onload]')).toHaveLength(0);
    for (const link of root.querySelectorAll('a')) {
      await expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
    await expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    await expect(root).toHaveTextContent('<script>window.__pwned = true</script>');
    await expect(root).toHaveTextContent('(evil.example)');
  },
};
