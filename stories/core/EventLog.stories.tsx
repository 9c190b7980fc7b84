import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryDecision } from '../fixtures/decision.tsx';
import { STORY_PSEUDONYMS } from '../fixtures/storybook-log.ts';
import { housingBenefit } from '../fixtures/recommendations.ts';
import { EventLog, SAMPLE_DECISION } from './EventLog.tsx';
import './event-log.css';

const meta = {
  title: 'Core/Event log',
  component: EventLog,
  args: { locale: 'de' },
  argTypes: { locale: { control: 'inline-radio', options: ['de', 'en'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Every story that puts a component inside a decision (`StoryDecision`) also logs its events through a real logger — pseudonymised with a demonstration key and hash-chained — into the IndexedDB outbox `deliberate-storybook`. This story lists what that outbox holds, so reviewers can see what a flow recorded. Opening it logs a sample decision, so the list is never empty.',
      },
    },
  },
} satisfies Meta<typeof EventLog>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * How long a play function waits for the outbox. Every story of the run logs into the same
 * IndexedDB outbox and takes its Web Lock, so on a loaded machine a write plus a re-read can take
 * longer than `waitFor`'s default second; what is checked stays the same.
 */
const OUTBOX = { timeout: 15_000 };

/** Rows of a decision in the table (none while the table is absent). */
function sampleRows(canvasElement: HTMLElement, decisionId = SAMPLE_DECISION): HTMLElement[] {
  const table = within(canvasElement).queryByRole('table');
  if (!table) return [];
  return within(table)
    .queryAllByRole('row')
    .filter((row) => row.textContent?.includes(decisionId));
}

export const German: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = sampleRows(canvasElement).length;
    await userEvent.click(await canvas.findByRole('button', { name: 'Beispielentscheidung protokollieren' }));
    await waitFor(() => expect(sampleRows(canvasElement).length).toBeGreaterThanOrEqual(before + 3), OUTBOX);
    const table = canvas.getByRole('table', { name: 'Gespeicherte Ereignisse, neueste zuerst' });
    expect(within(table).getByRole('columnheader', { name: 'Person (Pseudonym)' })).toBeInTheDocument();
    // The outbox holds the pseudonym the backend handed the page (the page has no key).
    const [newest] = sampleRows(canvasElement);
    expect(newest).toHaveTextContent(STORY_PSEUDONYMS.sampleActor);
    expect(canvas.getByRole('status')).toHaveTextContent(/Der Postausgang enthält \d+ Ereignisse?\./);
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = sampleRows(canvasElement).length;
    await userEvent.click(await canvas.findByRole('button', { name: 'Log a sample decision' }));
    await waitFor(() => expect(sampleRows(canvasElement).length).toBeGreaterThanOrEqual(before + 3), OUTBOX);
    const table = canvas.getByRole('table', { name: 'Stored events, newest first' });
    // Newest first: the reveal, then the judgement, then the opening.
    const types = sampleRows(canvasElement)
      .slice(0, 3)
      .map((row) => within(row).getAllByRole('cell')[3]?.textContent);
    expect(types).toEqual(['recommendation.revealed', 'judgement.committed', 'decision.opened']);
    expect(within(table).getAllByText(STORY_PSEUDONYMS.sampleActor).length).toBeGreaterThanOrEqual(3);
    expect(canvas.getByRole('status')).toHaveTextContent(/The outbox holds \d+ events?\./);
  },
};

const STORY_DECISION = 'event-log-story-decision';

/** A decision inside `StoryDecision` logs to the outbox by default: its opening shows up here. */
export const RecordedByAStory: Story = {
  args: { locale: 'en' },
  render: (args) => (
    <StoryDecision recommendation={housingBenefit} decisionId={STORY_DECISION} locale={args.locale ?? 'de'}>
      <EventLog {...args} />
    </StoryDecision>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => {
      const [newest] = sampleRows(canvasElement, STORY_DECISION);
      expect(newest).toHaveTextContent('decision.opened');
      expect(newest).toHaveTextContent(/ps:[0-9a-f]{32}/);
    }, OUTBOX);
    // Pseudonymised: StoryDecision's raw actor id ("reviewer") is not what was stored.
    const [newest] = sampleRows(canvasElement, STORY_DECISION);
    expect(within(newest as HTMLElement).getAllByRole('cell')[5]).not.toHaveTextContent(/^reviewer$/);
  },
};

/** Test only (hidden in the sidebar, so that opening it cannot wipe a reviewer's log). */
export const Clearing: Story = {
  tags: ['!dev'],
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Log a sample decision' }));
    await waitFor(() => expect(sampleRows(canvasElement).length).toBeGreaterThanOrEqual(3), OUTBOX);
    await userEvent.click(canvas.getByRole('button', { name: 'Clear the log' }));
    await waitFor(() => expect(sampleRows(canvasElement)).toHaveLength(0), OUTBOX);
  },
};
