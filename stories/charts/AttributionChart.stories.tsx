import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { AttributionChart } from '@deliberate/charts';
import { housingFactors, manyFactors } from '../../packages/charts/src/testing/fixtures.ts';
import { Narrow, toolbarLocale } from './story-helpers.tsx';
import '../../packages/charts/src/charts.css';

const meta = {
  title: 'Charts/AttributionChart',
  component: AttributionChart,
  args: { factors: housingFactors, baseValue: 0.3 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    maxFactors: { control: { type: 'number', min: 0, max: 50 } },
    factors: { control: false },
  },
  render: (args, { globals }) => (
    <AttributionChart {...args} locale={args.locale ?? toolbarLocale(globals)} />
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Signed factor contributions as a waterfall from the base value to the prediction, sorted by size; the long tail folds into "n other factors". Raising and lowering bars differ by direction, hatching and sign, never by colour alone. Accessibility pattern: a `<figure>` named by its caption, an SVG `role="group"` described by the summary, one `role="img"` per bar with a roving tab stop (arrow keys, Home/End), a `role="tooltip"` on focus and hover, and a table twin.',
      },
    },
  },
} satisfies Meta<typeof AttributionChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the toolbar's locale and theme. */
export const Default: Story = {};

export const German: Story = {
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bars = canvas.getAllByRole('img');
    expect(bars[0]).toHaveAccessibleName('Mietbelastung: +0,21');
    // One tab stop for the whole chart; the arrow keys move between bars and show each tooltip.
    await userEvent.tab();
    expect(bars[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(bars[3]).toHaveFocus();
    const tooltip = canvas.getByRole('tooltip');
    expect(tooltip).toHaveTextContent('Beitrag: −0,08 (senkt die Vorhersage)');
    expect(bars[3]).toHaveAttribute('aria-describedby', tooltip.id);
    await userEvent.keyboard('{Escape}');
    expect(canvas.queryByRole('tooltip')).toBeNull();
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getAllByRole('img')[0]).toHaveAccessibleName('Mietbelastung: +0.21');
    expect(
      canvas.getByRole('table', { name: 'Factor contributions to the AI prediction' }),
    ).toBeInTheDocument();
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

/** The table twin, shown on screen as well. */
export const WithTable: Story = {
  args: { locale: 'de', showTable: true },
};

export const OneFactor: Story = {
  args: { locale: 'en', factors: [{ id: 'rent', label: 'Rent burden', value: '48 %', contribution: 0.21 }] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getAllByRole('img')).toHaveLength(1);
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

/** 500 factors: 8 bars and "492 other factors" — and still one tab stop, not 500. */
export const FiveHundredFactors: Story = {
  args: { locale: 'en', factors: manyFactors(500), baseValue: 0.2 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bars = canvas.getAllByRole('img');
    expect(bars).toHaveLength(9);
    expect(canvasElement.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await userEvent.tab();
    await userEvent.keyboard('{End}');
    expect(bars[8]).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent('Sum of the contributions of 492 factors');
  },
};

export const AllZeroContributions: Story = {
  args: {
    locale: 'en',
    factors: housingFactors.map((factor) => ({ ...factor, contribution: 0 })),
  },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getAllByRole('img')[0]).toHaveAccessibleName('Mietbelastung: 0.00');
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

/** The model's output differs from base + contributions: the gap is shown, not hidden. */
export const UnexplainedRemainder: Story = {
  args: { locale: 'de', prediction: 0.8 },
};

export const NarrowColumn: Story = {
  args: { locale: 'de' },
  decorators: [(Story) => <Narrow>{Story()}</Narrow>],
};
