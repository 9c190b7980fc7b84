import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { IconArray } from '@deliberate/charts';
import { toolbarLocale } from './story-helpers.tsx';
import '../../packages/charts/src/charts.css';

const meta = {
  title: 'Charts/IconArray',
  component: IconArray,
  args: { count: 8, total: 10 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    shape: { control: 'inline-radio', options: ['person', 'circle', 'square'] },
    count: { control: { type: 'number', min: 0, max: 100 } },
    total: { control: { type: 'number', min: 0, max: 100 } },
  },
  render: (args, { globals }) => <IconArray {...args} locale={args.locale ?? toolbarLocale(globals)} />,
  parameters: {
    docs: {
      description: {
        component:
          '"n of N" as a grouped icon array: filled icons first, in reading order, in blocks of five — scattered icons are read as larger probabilities than grouped ones (Price et al. 2022; Garcia-Retamero et al. 2012). Filled and empty icons differ by fill, not only colour.',
      },
    },
  },
} satisfies Meta<typeof IconArray>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const German: Story = {
  args: { locale: 'de', label: 'wurden in ähnlichen Fällen bewilligt', restLabel: 'wurden abgelehnt' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByRole('figure', { name: '8 von 10' })).toBeInTheDocument();
    await userEvent.tab();
    const [filled, empty] = canvas.getAllByRole('img');
    expect(filled).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent('wurden in ähnlichen Fällen bewilligt');
    await userEvent.keyboard('{ArrowRight}');
    expect(empty).toHaveFocus();
    expect(canvas.getByRole('tooltip')).toHaveTextContent('wurden abgelehnt');
  },
};

export const English: Story = {
  args: { locale: 'en', label: 'were approved in similar cases', restLabel: 'were refused' },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole('figure', { name: '8 of 10' })).toHaveTextContent('8 of 10 (80%)');
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

/** 37 of 100 in ten rows of ten. */
export const OutOfHundred: Story = {
  args: { locale: 'de', count: 37, total: 100, shape: 'circle' },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelectorAll('svg.dlb-chart__svg use[data-filled="true"]')).toHaveLength(37);
  },
};

export const NoneFilled: Story = {
  args: { locale: 'en', count: 0, total: 10, shape: 'square' },
};

export const NoCases: Story = {
  args: { locale: 'en', count: 0, total: 0 },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole('figure', { name: '0 of 0' })).toHaveTextContent('No cases.');
    expect(canvasElement.innerHTML).not.toContain('NaN');
  },
};

export const WithTable: Story = {
  args: { locale: 'de', showTable: true },
};
