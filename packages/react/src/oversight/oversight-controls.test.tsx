import type { DecisionEventDraft, FrictionPlan, RecommendationInput } from '@deliberate/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ComponentProps, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionProvider, useDecision } from '../decision/decision-provider.tsx';
import type { Locale } from '../messages/index.ts';
import { Recommendation } from '../recommendation/recommendation.tsx';
import {
  AutomationBiasNotice,
  DEFAULT_NOTICE_STORAGE_KEY,
  OversightControls,
  useOversightControls,
} from './oversight-controls.tsx';

/* -------------------------------------------------------------------------------------------------
 * Fixtures
 * -----------------------------------------------------------------------------------------------*/

const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);

const housingBenefit = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', probability: 0.82 },
    { id: 'reject', label: 'Reject', probability: 0.18 },
  ],
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0' },
  calibration: { calibrated: true },
} satisfies RecommendationInput;

const plan = (reveal: FrictionPlan['reveal'], arm: FrictionPlan['arm'] = 'ai'): FrictionPlan => ({
  reveal,
  justification: 'none',
  minOwnTimeMs: 0,
  checklist: [],
  policyId: 'test',
  policyVersion: '1',
  rule: 'test',
  stakes: 'medium',
  band: 'high',
  arm,
  audit: false,
});

function setup(
  props: ComponentProps<typeof OversightControls> = {},
  {
    reveal = 'on-request',
    arm,
    locale = 'en',
    children,
  }: {
    reveal?: FrictionPlan['reveal'];
    arm?: FrictionPlan['arm'];
    locale?: Locale;
    children?: ReactNode;
  } = {},
) {
  const events: DecisionEventDraft[] = [];
  const user = userEvent.setup();
  const view = render(
    <DecisionProvider
      recommendation={housingBenefit}
      decisionId="d-1"
      procedure="housing-benefit.eligibility"
      caseRef="case-1"
      actor={{ id: 'a-1' }}
      plan={plan(reveal, arm)}
      clock={{ now: () => T0 }}
      locale={locale}
      onEvents={(batch) => events.push(...batch)}
    >
      {children}
      <OversightControls {...props} />
      <Status />
    </DecisionProvider>,
  );
  return { ...view, events, user };
}

function Status() {
  const { state } = useDecision();
  return <output aria-label="Decision status">{state.status}</output>;
}

// Not while the modal dialog is open: Radix then hides everything else from assistive technology.
const status = () => screen.getByRole('status', { name: 'Decision status' });
const controls = () => screen.getByRole('group', { name: 'Human oversight of the AI' });
const stopped = (events: DecisionEventDraft[]) => events.filter((event) => event.type === 'ai.stopped');

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

/* -------------------------------------------------------------------------------------------------
 * Tests
 * -----------------------------------------------------------------------------------------------*/

describe('OversightControls', () => {
  describe('decide without AI', () => {
    it('moves the decision to without-ai and keeps focus on the button, which now says why it is done', async () => {
      const onDecideWithoutAi = vi.fn();
      const { user } = setup({ onDecideWithoutAi });
      expect(controls()).toHaveAttribute('data-state', 'active');
      const button = screen.getByRole('button', { name: 'Decide without AI' });
      expect(button).toHaveAccessibleDescription(
        'The AI’s recommendation is then not shown for this decision.',
      );

      await user.click(button);

      expect(status()).toHaveTextContent('without-ai');
      expect(onDecideWithoutAi).toHaveBeenCalledOnce();
      expect(controls()).toHaveAttribute('data-state', 'without-ai');
      expect(button).toHaveFocus();
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription('You are already deciding without the AI.');
      expect(within(controls()).getByRole('status', { name: '' })).toHaveTextContent(
        'You are now deciding without the AI.',
      );
    });

    it('does nothing when unavailable, and says why by code', async () => {
      const { user } = setup({}, { reveal: 'immediate', children: <Recommendation /> });
      const button = screen.getByRole('button', { name: 'Decide without AI' });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(/already been shown/);
      await user.click(button);
      expect(status()).toHaveTextContent('revealed');
    });

    it('explains the no-AI arm', () => {
      setup({}, { arm: 'no-ai' });
      expect(screen.getByRole('button', { name: 'Decide without AI' })).toHaveAccessibleDescription(
        'This decision belongs to a comparison group that works without AI.',
      );
    });

    it('works with the keyboard alone', async () => {
      const { user } = setup({}, { locale: 'de' });
      await user.tab();
      expect(screen.getByRole('button', { name: 'Ohne KI entscheiden' })).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(status()).toHaveTextContent('without-ai');
    });
  });

  describe('stop the AI', () => {
    it('asks for confirmation and a reason, then logs ai.stopped and calls onStopAi', async () => {
      const onStopAi = vi.fn();
      const { user, events } = setup({ onStopAi });
      const trigger = screen.getByRole('button', { name: 'Stop the AI for this procedure' });
      await user.click(trigger);

      const dialog = screen.getByRole('alertdialog', { name: 'Stop the AI for this procedure?' });
      const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
      expect(reason).toHaveFocus();
      expect(reason).toBeRequired();
      expect(reason).toHaveAttribute('maxlength', '20000');

      await user.type(reason, 'Recommendations contradict the case files');
      await user.click(within(dialog).getByRole('button', { name: 'Stop the AI' }));

      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(status()).toHaveTextContent('ai-stopped');
      expect(stopped(events)).toHaveLength(1);
      expect(stopped(events)[0]).toMatchObject({
        type: 'ai.stopped',
        decisionId: 'd-1',
        procedure: 'housing-benefit.eligibility',
        data: { scope: 'procedure', reason: 'Recommendations contradict the case files' },
      });
      expect(onStopAi).toHaveBeenCalledWith({
        scope: 'procedure',
        reason: 'Recommendations contradict the case files',
      });
      expect(trigger).toHaveFocus();
      expect(trigger).toHaveAttribute('aria-disabled', 'true');
      expect(trigger).toHaveAccessibleDescription('The AI has already been stopped.');
      expect(controls()).toHaveAttribute('data-state', 'ai-stopped');
      expect(within(controls()).getByRole('status', { name: '' })).toHaveTextContent(
        'The AI has been stopped for this procedure.',
      );
    });

    it('refuses an empty reason and says so', async () => {
      const { user, events } = setup();
      await user.click(screen.getByRole('button', { name: 'Stop the AI for this procedure' }));
      const dialog = screen.getByRole('alertdialog');
      const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
      await user.type(reason, '   ');
      await user.click(within(dialog).getByRole('button', { name: 'Stop the AI' }));

      expect(dialog).toBeInTheDocument();
      expect(reason).toHaveAttribute('aria-invalid', 'true');
      expect(reason).toHaveAccessibleDescription(/Please give a reason for stopping the AI\./);
      expect(reason).toHaveFocus();
      expect(stopped(events)).toHaveLength(0);
    });

    it('changes nothing on Escape', async () => {
      const onStopAi = vi.fn();
      const { user, events } = setup({ onStopAi });
      const trigger = screen.getByRole('button', { name: 'Stop the AI for this procedure' });
      await user.click(trigger);
      await user.type(screen.getByRole('textbox', { name: 'Reason (required)' }), 'drift');
      await user.keyboard('{Escape}');

      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(trigger).toHaveFocus();
      expect(stopped(events)).toHaveLength(0);
      expect(onStopAi).not.toHaveBeenCalled();
      expect(status()).toHaveTextContent('opened');
    });

    it('changes nothing on Cancel, and forgets the typed reason', async () => {
      const { user, events } = setup();
      await user.click(screen.getByRole('button', { name: 'Stop the AI for this procedure' }));
      await user.type(screen.getByRole('textbox', { name: 'Reason (required)' }), 'drift');
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(stopped(events)).toHaveLength(0);

      await user.click(screen.getByRole('button', { name: 'Stop the AI for this procedure' }));
      expect(screen.getByRole('textbox', { name: 'Reason (required)' })).toHaveValue('');
    });

    it('works with the keyboard alone', async () => {
      const { user, events } = setup({}, { locale: 'de' });
      await user.tab(); // Ohne KI entscheiden
      await user.tab();
      const trigger = screen.getByRole('button', { name: 'KI für dieses Verfahren stoppen' });
      expect(trigger).toHaveFocus();
      await user.keyboard('{Enter}');
      const reason = screen.getByRole('textbox', { name: 'Grund (erforderlich)' });
      expect(reason).toHaveFocus();
      await user.keyboard('Modell liefert widersprüchliche Ergebnisse');
      await user.tab();
      expect(screen.getByRole('button', { name: 'Abbrechen' })).toHaveFocus();
      await user.tab();
      expect(screen.getByRole('button', { name: 'KI stoppen' })).toHaveFocus();
      await user.keyboard('{Enter}');

      expect(stopped(events)[0]?.data).toEqual({
        scope: 'procedure',
        reason: 'Modell liefert widersprüchliche Ergebnisse',
      });
      expect(trigger).toHaveFocus();
    });

    it('does not open once the AI is stopped', async () => {
      const { user } = setup();
      const trigger = screen.getByRole('button', { name: 'Stop the AI for this procedure' });
      await user.click(trigger);
      await user.type(screen.getByRole('textbox'), 'drift');
      await user.click(screen.getByRole('button', { name: 'Stop the AI' }));
      expect(status()).toHaveTextContent('ai-stopped');
      await user.click(trigger);
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    });

    it('hides the recommendation once stopped', async () => {
      const { user } = setup({}, { reveal: 'immediate', children: <Recommendation /> });
      expect(screen.getByRole('region', { name: 'AI recommendation' })).toHaveAttribute(
        'data-state',
        'revealed',
      );
      await user.click(screen.getByRole('button', { name: 'Stop the AI for this procedure' }));
      await user.type(screen.getByRole('textbox'), 'drift');
      await user.click(screen.getByRole('button', { name: 'Stop the AI' }));
      expect(screen.getByRole('region', { name: 'AI recommendation not shown' })).toHaveAttribute(
        'data-state',
        'unavailable',
      );
    });
  });

  describe('the automation-bias notice', () => {
    it('opens on demand as a disclosure', async () => {
      const { user } = setup();
      const toggle = screen.getByRole('button', { name: 'About relying on AI' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('region', { name: 'Before you rely on the AI' })).not.toBeInTheDocument();

      await user.click(toggle);

      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const notice = screen.getByRole('region', { name: 'Before you rely on the AI' });
      expect(toggle).toHaveAttribute('aria-controls', notice.id);
      expect(notice).toHaveTextContent('automation bias');
      expect(notice).toHaveTextContent('time pressure');
      expect(notice).toHaveTextContent('Check the recommendation against the evidence');
      expect(notice).toHaveTextContent('You decide, and you are accountable for the decision.');
    });

    it('opens on first use, and not again once understood', async () => {
      const first = setup({ showNoticeOnFirstUse: true, storageKey: 'test:notice' });
      const notice = await screen.findByRole('region', { name: 'Before you rely on the AI' });
      await first.user.click(within(notice).getByRole('button', { name: 'Understood' }));
      expect(screen.queryByRole('region', { name: 'Before you rely on the AI' })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'About relying on AI' })).toHaveFocus();
      expect(localStorage.getItem('test:notice')).toBe('true');
      first.unmount();

      setup({ showNoticeOnFirstUse: true, storageKey: 'test:notice' });
      expect(screen.queryByRole('region', { name: 'Before you rely on the AI' })).not.toBeInTheDocument();
    });

    it('can be controlled', async () => {
      const onNoticeOpenChange = vi.fn();
      const user = userEvent.setup();
      const { rerender } = render(
        <AutomationBiasNotice noticeOpen={false} onNoticeOpenChange={onNoticeOpenChange} />,
      );
      await user.click(screen.getByRole('button', { name: 'Zum Umgang mit KI-Empfehlungen' }));
      expect(onNoticeOpenChange).toHaveBeenCalledWith(true);
      expect(screen.queryByRole('region')).not.toBeInTheDocument();
      rerender(<AutomationBiasNotice noticeOpen onNoticeOpenChange={onNoticeOpenChange} />);
      expect(screen.getByRole('region', { name: 'Bevor Sie sich auf die KI verlassen' })).toBeInTheDocument();
    });

    it('asks a controlled host to open it on first use', () => {
      const onNoticeOpenChange = vi.fn();
      render(
        <AutomationBiasNotice
          showNoticeOnFirstUse
          noticeOpen={false}
          onNoticeOpenChange={onNoticeOpenChange}
        />,
      );
      expect(onNoticeOpenChange).toHaveBeenCalledWith(true);
    });

    it('uses a default storage key', async () => {
      const user = userEvent.setup();
      render(<AutomationBiasNotice showNoticeOnFirstUse />);
      await user.click(await screen.findByRole('button', { name: 'Verstanden' }));
      expect(localStorage.getItem(DEFAULT_NOTICE_STORAGE_KEY)).toBe('true');
    });

    it('renders the controls on the server, the notice closed', () => {
      const getItem = vi.spyOn(Storage.prototype, 'getItem');
      const html = renderToString(
        <DecisionProvider
          recommendation={housingBenefit}
          decisionId="d-1"
          procedure="p"
          caseRef="c"
          actor={{ id: 'a' }}
          plan={plan('on-request')}
          clock={{ now: () => T0 }}
        >
          <OversightControls showNoticeOnFirstUse />
        </DecisionProvider>,
      );
      expect(html).toContain('Ohne KI entscheiden');
      expect(html).toContain('data-state="active"');
      expect(getItem).not.toHaveBeenCalled();
      getItem.mockRestore();
    });

    it('renders closed on the server without touching storage', () => {
      const getItem = vi.spyOn(Storage.prototype, 'getItem');
      const html = renderToString(<AutomationBiasNotice showNoticeOnFirstUse />);
      expect(html).toContain('aria-expanded="false"');
      expect(getItem).not.toHaveBeenCalled();
      getItem.mockRestore();
    });
  });
});

describe('useOversightControls', () => {
  /** A host's own markup (e.g. KoliBri buttons) on the hook's prop bags. */
  function OwnControls({ onDecideWithoutAi }: { onDecideWithoutAi?: () => void }) {
    const o = useOversightControls({ onDecideWithoutAi });
    return (
      <div {...o.rootProps} className="host-oversight">
        <span {...o.labelProps}>Oversight</span>
        <button {...o.withoutAiButtonProps}>Without the AI</button>
        <span {...o.withoutAiHintProps}>{o.withoutAiUnavailable ?? 'Decide on your own.'}</span>
        <div {...o.statusProps}>{o.announcement}</div>
      </div>
    );
  }

  it('gives a host’s own markup the same wiring, states and announcements', async () => {
    const onDecideWithoutAi = vi.fn();
    const { user } = setup({}, { children: <OwnControls onDecideWithoutAi={onDecideWithoutAi} /> });
    const group = screen.getByRole('group', { name: 'Oversight' });
    const button = within(group).getByRole('button', { name: 'Without the AI' });
    expect(button).toHaveAccessibleDescription('Decide on your own.');
    expect(group).toHaveAttribute('data-state', 'active');

    await user.click(button);

    expect(onDecideWithoutAi).toHaveBeenCalledOnce();
    expect(group).toHaveAttribute('data-state', 'without-ai');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('You are already deciding without the AI.');
    expect(within(group).getByRole('status')).toHaveTextContent('You are now deciding without the AI.');
  });

  it('lets the controls take a ref and the host’s attributes, keeping their own name and state', () => {
    const ref = createRef<HTMLDivElement>();
    setup({ ref, id: 'oversight', className: 'host', 'aria-describedby': 'case-note', role: 'region' });
    expect(ref.current).toBe(controls());
    expect(controls()).toHaveAttribute('id', 'oversight');
    expect(controls()).toHaveClass('dlb-oversight', 'host');
    expect(controls()).toHaveAttribute('aria-describedby', 'case-note');
    expect(controls()).toHaveAttribute('data-state', 'active');
  });
});
