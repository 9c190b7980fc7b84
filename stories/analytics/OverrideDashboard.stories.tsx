import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { metricsFromEvents, simulateEvents } from '@deliberate/analytics';
import { OverrideDashboard } from '@deliberate/analytics/dashboard';
import '../../packages/charts/src/charts.css';
import '@deliberate/analytics/dashboard.css';

/*
 * The evaluator dashboard fed by a simulated deployment, computed in the browser: the simulator
 * writes a hash-chained log (staff with different reliance habits, two model versions, an A/B test
 * of screens, outcomes recorded weeks later), and the pure streaming engine turns it into metrics.
 */
const result = metricsFromEvents(simulateEvents({ decisions: 1500, seed: 'storybook' }));
const shortLog = metricsFromEvents(simulateEvents({ decisions: 300, seed: 'storybook-short', days: 21 }));
const noTruth = metricsFromEvents(
  [...simulateEvents({ decisions: 300, seed: 'storybook-no-truth' })].filter(
    (event) => event.type !== 'outcome.recorded',
  ),
);

/**
 * The simulator logs its reason texts in English, as an English-speaking screen would; a German
 * dashboard shows its own texts for those codes.
 */
const germanReasons = {
  'agree-with-evidence': 'Die Unterlagen bestätigen die Empfehlung',
  'missing-evidence': 'Nachweis fehlt',
  'contradicting-documents': 'Die Unterlagen widersprechen der Empfehlung',
  'policy-exception': 'Härtefallregelung greift',
  'ai-implausible': 'Empfehlung für diesen Fall nicht plausibel',
  other: 'Sonstiges',
};

const meta = {
  title: 'Evaluators/OverrideDashboard',
  component: OverrideDashboard,
  args: { result, locale: 'de' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    result: { control: false },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'Do people rely on the AI appropriately, where not, and did a change of model or screen make it better? Summary tiles (each rate with its Wilson 95 % interval and k of n), the AI’s reliability diagram, the override rate by AI confidence, rates over time, reason codes, decision times and explanation use. Takes the result of the pure metrics engine (`metricsFromEvents`, `createMetricsEngine`); here a simulated log of 1,500 decisions computed in the browser.',
      },
    },
  },
} satisfies Meta<typeof OverrideDashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Every chart draws at the width it is shown at: its SVG is laid out as wide as its `width`
 * attribute, so axis and label text keep the stylesheet's font size instead of being scaled with
 * the drawing (too large on a wide screen, unreadably small on a phone).
 */
async function expectChartsDrawnAtShownWidth(canvasElement: HTMLElement) {
  const svgs = [...canvasElement.querySelectorAll<SVGSVGElement>('svg.dlb-chart__svg')];
  await expect(svgs.length).toBeGreaterThan(0);
  for (const svg of svgs) {
    const shown = svg.getBoundingClientRect().width;
    const drawn = Number(svg.getAttribute('width'));
    const name = svg.closest('figure')?.querySelector('.dlb-chart__title')?.textContent;
    await expect({ chart: name, scale: Math.round((shown / drawn) * 100) / 100 }).toEqual({
      chart: name,
      scale: 1,
    });
  }
}

export const German: Story = {
  args: { reasonLabels: germanReasons },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dashboard = canvas.getByRole('region', { name: 'Verlassen auf KI-Empfehlungen' });
    await expect(dashboard).toHaveAttribute('data-state', 'ready');
    await expect(canvas.getByRole('heading', { level: 3, name: 'Kalibrierung der KI' })).toBeInTheDocument();
    const tile = canvas.getByText('Übervertrauen', { selector: 'dt' }).closest('div');
    await expect(tile).toHaveTextContent(/95-%-Intervall \d+ % bis \d+ %/);
    const reasons = canvas.getByRole('table', { name: 'Begründungen' });
    await expect(reasons).toHaveTextContent('Nachweis fehlt');
    await expect(reasons).not.toHaveTextContent('Evidence missing');
    await expectChartsDrawnAtShownWidth(canvasElement);
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('heading', { level: 3, name: 'Override rate by AI confidence' }),
    ).toBeInTheDocument();
    await expect(canvas.getByRole('table', { name: 'Override rate by AI confidence' })).toBeInTheDocument();
    await expect(canvas.getByRole('table', { name: 'Reasons given' })).toBeInTheDocument();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { locale: 'en' },
};

export const DarkGerman: Story = {
  globals: { theme: 'dark' },
  args: { locale: 'de', reasonLabels: germanReasons },
};

/** Three weeks of data: rates per week instead of per month. */
export const ShortLogWeekly: Story = {
  args: { locale: 'en', result: shortLog },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/per week/)).toBeInTheDocument();
  },
};

/** No outcomes recorded yet: the truth-based rates say "no cases" instead of 0 %. */
export const NoOutcomesYet: Story = {
  args: { locale: 'en', result: noTruth },
  play: async ({ canvasElement }) => {
    const tile = within(canvasElement).getByText('Over-reliance', { selector: 'dt' }).closest('div');
    await expect(tile).toHaveAttribute('data-state', 'empty');
    await expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

/** A phone-sized column (360 px): the charts redraw at that width, their text stays legible. */
export const Narrow: Story = {
  args: { locale: 'de', reasonLabels: germanReasons },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 360 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expectChartsDrawnAtShownWidth(canvasElement);
  },
};

export const Empty: Story = {
  args: { locale: 'en', result: metricsFromEvents([]) },
};

/** The parts on their own, for a custom layout, with the charts' tables shown. */
export const SummaryAndTables: Story = {
  args: {
    locale: 'de',
    parts: ['summary', 'confidence', 'reasons'],
    showTables: true,
    reasonLabels: germanReasons,
  },
};
