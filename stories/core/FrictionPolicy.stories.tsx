import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { PolicyMatrix } from './PolicyMatrix.tsx';
import './policy-matrix.css';

const meta = {
  title: 'Core/Friction policy',
  component: PolicyMatrix,
  args: { locale: 'de' },
  argTypes: { locale: { control: 'inline-radio', options: ['de', 'en'] } },
  parameters: {
    docs: {
      description: {
        component:
          'What the default friction policy asks of a person for each combination of stakes and AI confidence. Uncalibrated or missing confidence never gets the light-touch plan of high confidence.',
      },
    },
  },
} satisfies Meta<typeof PolicyMatrix>;

export default meta;
type Story = StoryObj<typeof meta>;

export const German: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: /Was die Richtlinie deliberate\.default/ });
    const highRow = within(table).getByRole('row', { name: /^hoch/ });
    // Every high-stakes cell asks for the person's own judgement before the AI.
    const cells = within(highRow).getAllByRole('cell');
    expect(cells).toHaveLength(5);
    for (const cell of cells) expect(cell).toHaveTextContent('erst eigenes Urteil, dann KI');
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const lowRow = canvas.getByRole('row', { name: /^low/ });
    const [calibratedHigh, , , uncalibratedHigh] = within(lowRow).getAllByRole('cell');
    // 95 % calibrated at low stakes: shown at once. 95 % uncalibrated: only on request.
    expect(calibratedHigh).toHaveTextContent('AI shown at once');
    expect(uncalibratedHigh).toHaveTextContent('AI only on request');
  },
};
