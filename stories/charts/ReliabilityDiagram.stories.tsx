import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ReliabilityDiagram } from '@deliberate/charts';
import { calibrationBins } from '../../packages/charts/src/testing/fixtures.ts';
import { Narrow, toolbarLocale } from './story-helpers.tsx';
import '../../packages/charts/src/charts.css';

const meta = {
  title: 'Charts/ReliabilityDiagram',
  component: ReliabilityDiagram,
  args: { bins: calibrationBins },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    bins: { control: false },
  },
  render: (args, { globals }) => (
    <ReliabilityDiagram {...args} locale={args.locale ?? toolbarLocale(globals)} />
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Accuracy against mean confidence per bin, with Wilson 95 % intervals, the diagonal of perfect calibration and the number of cases per bin beneath. Empty bins are gaps, never zeros. The summary states the expected calibration error (ECE).',
      },
    },
  },
} satisfies Meta<typeof ReliabilityDiagram>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const German: Story = {
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bins = canvas.getAllByRole('img');
    await userEvent.tab();
    expect(bins[0]).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent('keine Fälle');
    await userEvent.keyboard('{End}');
    expect(bins[9]).toHaveFocus();
    expect(canvas.getByRole('tooltip').textContent).toMatch(/Trefferquote: 87[\u00a0\u202f]%/);
    await userEvent.keyboard('{ArrowLeft}');
    expect(bins[8]).toHaveFocus();
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getAllByRole('img')[4]).toHaveAccessibleName('Confidence 40% to 50%: no cases');
    expect(canvas.getAllByRole('img')[9]).toHaveAccessibleName(
      'Confidence 90% to 100%: accuracy 87%, n = 310',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { locale: 'en' },
};

export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  args: { locale: 'de' },
};

export const WithTable: Story = {
  args: { locale: 'de', showTable: true },
};

export const SingleBin: Story = {
  args: { locale: 'en', bins: [{ lo: 0, hi: 1, n: 25, confidence: 0.82, accuracy: 0.68 }] },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getAllByRole('img')).toHaveLength(1);
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

/** Every bin empty: no points, no line, the summary says "no cases". */
export const EmptyBins: Story = {
  args: {
    locale: 'en',
    bins: calibrationBins.map((bin) => ({ ...bin, n: 0, confidence: null, accuracy: null })),
  },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole('figure')).toHaveTextContent('10 confidence bins, no cases.');
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

export const NarrowColumn: Story = {
  args: { locale: 'de' },
  decorators: [(Story) => <Narrow>{Story()}</Narrow>],
};
