import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Histogram } from '@deliberate/charts';
import { confidences } from '../../packages/charts/src/testing/fixtures.ts';
import { Narrow, toolbarLocale } from './story-helpers.tsx';
import '../../packages/charts/src/charts.css';

const meta = {
  title: 'Charts/Histogram',
  component: Histogram,
  args: { values: confidences, thresholds: 10, domain: [0, 1], percent: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    values: { control: false },
  },
  render: (args, { globals }) => <Histogram {...args} locale={args.locale ?? toolbarLocale(globals)} />,
  parameters: {
    docs: {
      description: {
        component:
          'A histogram for the evaluator dashboard, e.g. the AI confidence of all decisions. Bars carry their counts; the table twin lists range, count and share.',
      },
    },
  },
} satisfies Meta<typeof Histogram>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const German: Story = {
  args: { locale: 'de', messages: { title: 'Konfidenz der KI', xAxisLabel: 'Konfidenz' } },
  play: async ({ canvasElement }) => {
    const bars = within(canvasElement).getAllByRole('img');
    expect(bars[0]?.getAttribute('aria-label')).toMatch(/^0[\u00a0\u202f]% bis unter 10[\u00a0\u202f]%: 0/);
  },
};

export const English: Story = {
  args: { locale: 'en', messages: { title: 'AI confidence', xAxisLabel: 'Confidence' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bars = canvas.getAllByRole('img');
    await userEvent.tab();
    expect(bars[0]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(bars[9]).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent(/^90% to 100%\. Count: \d+\. Share: \d+%$/);
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

export const SingleValue: Story = {
  args: { locale: 'en', values: [4, 4, 4], thresholds: undefined, domain: undefined, percent: false },
  play: async ({ canvasElement }) => {
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

export const NoValues: Story = {
  args: { locale: 'en', values: [] },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole('figure')).toHaveTextContent('No values.');
  },
};

export const NarrowColumn: Story = {
  args: { locale: 'de' },
  decorators: [(Story) => <Narrow>{Story()}</Narrow>],
};
