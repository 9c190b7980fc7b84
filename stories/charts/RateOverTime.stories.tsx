import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { RateOverTime } from '@deliberate/charts';
import { weeklyOverrides } from '../../packages/charts/src/testing/fixtures.ts';
import { Narrow, toolbarLocale } from './story-helpers.tsx';
import '../../packages/charts/src/charts.css';

const meta = {
  title: 'Charts/RateOverTime',
  component: RateOverTime,
  args: { points: weeklyOverrides },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    points: { control: false },
  },
  render: (args, { globals }) => <RateOverTime {...args} locale={args.locale ?? toolbarLocale(globals)} />,
  parameters: {
    docs: {
      description: {
        component:
          'A rate with its 95 % interval band over time (a band for the interval, a line for the rate). Periods without cases are gaps, not zeros; the y axis runs from 0 to 100 % so that small changes are not exaggerated.',
      },
    },
  },
} satisfies Meta<typeof RateOverTime>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const German: Story = {
  args: { locale: 'de', rateLabel: 'Abweichungsquote', title: 'Abweichungen von der KI je Woche' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const points = canvas.getAllByRole('img');
    expect(points[4]).toHaveAccessibleName('03.02.2025: keine Fälle');
    await userEvent.tab();
    expect(points[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(points[1]).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent('13.01.2025');
  },
};

export const English: Story = {
  args: { locale: 'en', rateLabel: 'Override rate', title: 'Overrides of the AI per week' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await userEvent.keyboard('{End}');
    expect(canvas.getAllByRole('img')[11]).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent(
      '24 Mar 2025. Override rate: 7%. 95% interval: 4% to 12%',
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

/** Every period without cases: no line, no band, no NaN. */
export const NoCasesAtAll: Story = {
  args: { locale: 'en', points: weeklyOverrides.map((point) => ({ ...point, n: 0 })) },
  play: async ({ canvasElement }) => {
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

export const SinglePoint: Story = {
  args: { locale: 'en', points: [{ t: '2025-03-03', rate: 0.18, lo: 0.12, hi: 0.26, n: 140 }] },
};

export const WithTable: Story = {
  args: { locale: 'de', showTable: true },
};

export const NarrowColumn: Story = {
  args: { locale: 'de' },
  decorators: [(Story) => <Narrow>{Story()}</Narrow>],
};
