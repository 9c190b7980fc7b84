import { simulateEvents } from '@deliberate/analytics';
import '@deliberate/analytics/dashboard.css';
import '@deliberate/charts/charts.css';
import '@deliberate/react/styles.css';
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { App, type View } from '../src/App.tsx';
import '../src/app.css';
import { buildQueue } from '../src/cases.ts';
import type { AppLocale } from '../src/messages.ts';
import { storybookLog } from '../../../stories/fixtures/storybook-log.ts';

/*
 * The housing-benefit example as stories: the queue, a high-stakes case (judge first), a routine
 * case (AI on request), an audit sample, and the evaluator view. The Locale toolbar switches
 * German and English; the `English` stories pin English. Decisions are logged to Storybook's
 * IndexedDB outbox (see Core/Event log), as the app logs to its own.
 */

const cases = buildQueue();
const indexOf = (predicate: (c: (typeof cases)[number]) => boolean) => cases.findIndex(predicate);
const HIGH = indexOf((c) => c.stakes === 'high' && !c.plan.audit);
const ROUTINE = indexOf((c) => c.stakes === 'medium' && !c.plan.audit);
const AUDIT = indexOf((c) => c.plan.audit);

/** Simulated decisions for the evaluator view (the analytics simulator; not this app's log). */
const simulated = [...simulateEvents({ decisions: 300, seed: 'housing-benefit-story' })];

const logger = storybookLog()?.logger;

const localeOf = (context: Pick<StoryContext, 'globals'>): AppLocale =>
  context.globals['locale'] === 'en' ? 'en' : 'de';

interface StoryArgs {
  view: View;
  locale?: AppLocale;
}

const meta = {
  title: 'Examples/Housing benefit',
  parameters: { layout: 'fullscreen' },
  render: ({ view, locale }, context) => (
    <App
      key={`${JSON.stringify(view)}-${locale ?? localeOf(context)}`}
      cases={cases}
      initialView={view}
      initialLocale={locale ?? localeOf(context)}
      readEvents={() => Promise.resolve(simulated)}
      {...(logger ? { logger } : {})}
    />
  ),
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Queue: Story = { args: { view: { name: 'queue' } } };
export const HighStakesCase: Story = { args: { view: { name: 'case', index: HIGH } } };
export const RoutineCase: Story = { args: { view: { name: 'case', index: ROUTINE } } };
export const AuditCase: Story = { args: { view: { name: 'case', index: AUDIT } } };
export const Evaluator: Story = { args: { view: { name: 'evaluator' } } };
export const QueueEnglish: Story = { args: { view: { name: 'queue' }, locale: 'en' } };
export const HighStakesCaseEnglish: Story = { args: { view: { name: 'case', index: HIGH }, locale: 'en' } };
export const EvaluatorEnglish: Story = { args: { view: { name: 'evaluator' }, locale: 'en' } };
