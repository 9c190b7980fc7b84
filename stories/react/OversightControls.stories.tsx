import type { DecisionAction, FrictionPlan } from '@deliberate/core';
import { OversightControls, Recommendation } from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision, type StoryDecisionProps } from '../fixtures/decision.tsx';
import { housingBenefit } from '../fixtures/recommendations.ts';
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
    stakes: 'high',
    band: 'medium',
    arm,
    audit: false,
  };
}

/** The dialog is portalled to <body>, outside the story's canvas. */
const page = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

const rootOf = (canvasElement: HTMLElement) => {
  const root = canvasElement.querySelector<HTMLElement>('.dlb-oversight');
  if (!root) throw new Error('No OversightControls rendered');
  return root;
};

type StoryRender = NonNullable<Meta<typeof OversightControls>['render']>;

/** Renders the story's OversightControls (and a Recommendation, to see the effect) in a decision. */
function inDecision(decision: Omit<StoryDecisionProps, 'children'>, extra?: ReactNode): StoryRender {
  const Render: StoryRender = (args, context) => {
    return (
      <div className="dlb-root" style={{ padding: '1rem', display: 'grid', gap: '1rem', maxWidth: '48rem' }}>
        <StoryDecision {...decision} locale={localeOf(context)}>
          <Recommendation />
          <OversightControls {...args} />
          {extra}
        </StoryDecision>
      </div>
    );
  };
  return Render;
}

/* -------------------------------------------------------------------------------------------------
 * Meta
 * -----------------------------------------------------------------------------------------------*/

const meta = {
  title: 'Components/OversightControls',
  component: OversightControls,
  args: { onStopAi: fn(), onDecideWithoutAi: fn(), onNoticeOpenChange: fn() },
  argTypes: {
    showNoticeOnFirstUse: { control: 'boolean' },
    storageKey: { control: 'text' },
    defaultNoticeOpen: { control: 'boolean' },
  },
  beforeEach: () => {
    // First-use stories start from a browser that has not seen the notice.
    localStorage.removeItem('storybook:automation-bias-notice');
  },
  render: inDecision({ recommendation: housingBenefit, plan: plan('on-request') }),
  parameters: {
    docs: {
      description: {
        component: [
          'Human oversight under AI Act Art. 14(4): **decide without AI** (d), **stop the AI for this procedure** with a confirmation',
          'dialog that needs a reason (e; logs `ai.stopped` and calls `onStopAi`), and a notice on **automation bias** (b), on demand and',
          'optionally on first use (remembered in `localStorage` under `storageKey`, or controlled through `noticeOpen`).',
          'Unavailable actions stay focusable (`aria-disabled`) and say why next to them.',
          '',
          '`data-state`: `active` | `without-ai` | `ai-stopped` | `ended`.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof OversightControls>;

export default meta;
type Story = StoryObj<typeof meta>;

/* -------------------------------------------------------------------------------------------------
 * Interactions
 * -----------------------------------------------------------------------------------------------*/

export const DecideWithoutAi: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Ohne KI entscheiden' });
    await userEvent.click(button);

    await expect(args.onDecideWithoutAi).toHaveBeenCalledOnce();
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'without-ai');
    await expect(button).toHaveFocus();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription('Sie entscheiden bereits ohne KI.');
    await expect(canvas.getByRole('region', { name: 'KI-Empfehlung wird nicht angezeigt' })).toBeVisible();
  },
};

export const StopAi: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'KI für dieses Verfahren stoppen' });
    await userEvent.click(trigger);

    const dialog = await page(canvasElement).findByRole('alertdialog', {
      name: 'KI für dieses Verfahren stoppen?',
    });
    const reason = within(dialog).getByRole('textbox', { name: 'Grund (erforderlich)' });
    await waitFor(() => expect(reason).toHaveFocus());

    // Without a reason nothing happens.
    await userEvent.click(within(dialog).getByRole('button', { name: 'KI stoppen' }));
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onStopAi).not.toHaveBeenCalled();

    await userEvent.type(reason, 'Empfehlungen widersprechen wiederholt der Aktenlage');
    await userEvent.click(within(dialog).getByRole('button', { name: 'KI stoppen' }));

    await waitFor(() => expect(page(canvasElement).queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(args.onStopAi).toHaveBeenCalledWith({
      scope: 'procedure',
      reason: 'Empfehlungen widersprechen wiederholt der Aktenlage',
    });
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'ai-stopped');
    await waitFor(() => expect(trigger).toHaveFocus());

    await userEvent.click(canvas.getByText(/^Events/));
    // Events arrive as the log holds them, once the outbox has stored them.
    await waitFor(() =>
      expect(canvas.getByRole('list', { name: 'Recorded events' })).toHaveTextContent('ai.stopped'),
    );
  },
};

export const StopAiCancelled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'KI für dieses Verfahren stoppen' });
    await userEvent.click(trigger);
    const dialog = await page(canvasElement).findByRole('alertdialog');
    await userEvent.type(within(dialog).getByRole('textbox'), 'nur ein Test');
    await userEvent.keyboard('{Escape}');

    await waitFor(() => expect(page(canvasElement).queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(args.onStopAi).not.toHaveBeenCalled();
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'active');
    await expect(trigger).toHaveFocus();
  },
};

export const KeyboardOnly: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Stop the AI for this procedure' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await page(canvasElement).findByRole('alertdialog', {
      name: 'Stop the AI for this procedure?',
    });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    await waitFor(() => expect(reason).toHaveFocus());
    await userEvent.keyboard('Model output contradicts the case files');
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: 'Stop the AI' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(args.onStopAi).toHaveBeenCalledWith({
        scope: 'procedure',
        reason: 'Model output contradicts the case files',
      }),
    );
  },
};

export const NoticeOnDemand: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('button', { name: 'Zum Umgang mit KI-Empfehlungen' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const notice = canvas.getByRole('region', { name: 'Bevor Sie sich auf die KI verlassen' });
    await expect(notice).toHaveTextContent('Zeitdruck');
    await expect(notice).toHaveTextContent('Sie entscheiden und sind für die Entscheidung verantwortlich.');
  },
};

export const NoticeOnFirstUse: Story = {
  args: { showNoticeOnFirstUse: true, storageKey: 'storybook:automation-bias-notice' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const notice = await canvas.findByRole('region', { name: 'Bevor Sie sich auf die KI verlassen' });
    await userEvent.click(within(notice).getByRole('button', { name: 'Verstanden' }));
    await expect(canvas.getByRole('button', { name: 'Zum Umgang mit KI-Empfehlungen' })).toHaveFocus();
    await expect(localStorage.getItem('storybook:automation-bias-notice')).toBe('true');
  },
};

/* -------------------------------------------------------------------------------------------------
 * States
 * -----------------------------------------------------------------------------------------------*/

export const AiStopped: Story = {
  render: inDecision(
    { recommendation: housingBenefit, plan: plan('immediate') },
    <Script actions={[{ type: 'stopAi', scope: 'procedure', reason: 'Datendrift vermutet' }]} />,
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'ai-stopped'));
    await expect(
      within(canvasElement).getByRole('button', { name: 'KI für dieses Verfahren stoppen' }),
    ).toHaveAccessibleDescription('Die KI wurde bereits gestoppt.');
  },
};

export const AfterReveal: Story = {
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate') }),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Ohne KI entscheiden' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    await expect(button).toHaveAccessibleDescription(/bereits angezeigt/);
  },
};

export const NoAiArm: Story = {
  render: inDecision({ recommendation: housingBenefit, plan: plan('immediate', 'no-ai') }),
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Ohne KI entscheiden' }),
    ).toHaveAccessibleDescription('Diese Entscheidung gehört zu einer Vergleichsgruppe ohne KI.');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { defaultNoticeOpen: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Human oversight of the AI' })).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'Before you rely on the AI' })).toHaveTextContent(
      'automation bias',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { defaultNoticeOpen: true },
};

export const DarkDialog: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'KI für dieses Verfahren stoppen' }),
    );
    const dialog = await page(canvasElement).findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'KI stoppen' }));
    await expect(
      within(dialog).getByText('Bitte geben Sie einen Grund für das Stoppen der KI an.'),
    ).toBeVisible();
  },
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  args: { defaultNoticeOpen: true },
};

/** Every state side by side. */
export const AllStates: Story = {
  render: function Render(args, context) {
    const states: {
      title: string;
      decision: Omit<StoryDecisionProps, 'children'>;
      actions?: DecisionAction[];
    }[] = [
      { title: 'active', decision: { recommendation: housingBenefit, plan: plan('on-request') } },
      {
        title: 'without-ai (chosen)',
        decision: { recommendation: housingBenefit, plan: plan('on-request') },
        actions: [{ type: 'decideWithoutAi' }],
      },
      {
        title: 'without-ai (no-AI arm)',
        decision: { recommendation: housingBenefit, plan: plan('immediate', 'no-ai') },
      },
      {
        title: 'ai-stopped',
        decision: { recommendation: housingBenefit, plan: plan('on-request') },
        actions: [{ type: 'stopAi', scope: 'procedure', reason: 'Datendrift vermutet' }],
      },
      {
        title: 'ended',
        decision: { recommendation: housingBenefit, plan: plan('on-request') },
        actions: [{ type: 'abandon' }],
      },
    ];
    return (
      <div
        className="dlb-root"
        style={{ padding: '1rem', display: 'grid', gap: '1.5rem', maxWidth: '48rem' }}
      >
        {states.map(({ title, decision, actions }, index) => (
          <div key={title} style={{ display: 'grid', gap: '0.25rem' }}>
            <p style={{ margin: 0, fontFamily: 'monospace' }}>{title}</p>
            <StoryDecision {...decision} locale={localeOf(context)} showEvents={false}>
              <OversightControls {...args} defaultNoticeOpen={index === 0} />
              {actions ? <Script actions={actions} /> : null}
            </StoryDecision>
          </div>
        ))}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const states = () =>
      [...canvasElement.querySelectorAll('.dlb-oversight')].map((node) => node.getAttribute('data-state'));
    await waitFor(() =>
      expect(states()).toEqual(['active', 'without-ai', 'without-ai', 'ai-stopped', 'ended']),
    );
  },
};
