import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { defaultPolicy, definePolicy } from '@deliberate/core';
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
          "What a friction policy asks of a person. Before the AI's recommendation is shown, the plan depends on the stakes only — never on the AI's output, or the friction itself would tell the person what the AI thinks before they judge. After it is shown, the AI's confidence may raise the friction: in the default policy, an unsure, uncalibrated or silent AI at medium and low stakes needs a reason for every decision, following it included.",
      },
    },
  },
} satisfies Meta<typeof PolicyMatrix>;

export default meta;
type Story = StoryObj<typeof meta>;

export const German: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = canvas.getByRole('table', { name: /^Bevor die Empfehlung der KI angezeigt wird/ });
    expect(before).toHaveAccessibleName(/deliberate\.default 2\.0\.0/);
    // One plan per stakes level: judge first at high and medium stakes, on request at low stakes.
    const reveal = (stakes: RegExp) =>
      within(within(before).getByRole('row', { name: stakes })).getAllByRole('cell')[0];
    expect(reveal(/^hoch/)).toHaveTextContent('erst eigenes Urteil, dann KI');
    expect(reveal(/^mittel/)).toHaveTextContent('erst eigenes Urteil, dann KI');
    expect(reveal(/^gering/)).toHaveTextContent('nur auf Anfrage');

    const after = canvas.getByRole('table', { name: /^Nachdem die Empfehlung der KI angezeigt wurde/ });
    const medium = within(within(after).getByRole('row', { name: /^mittel/ })).getAllByRole('cell');
    expect(medium).toHaveLength(5);
    // 95 % calibrated: a reason only when deviating. 55 % calibrated: a reason always, raised by the rule.
    expect(medium[0]).toHaveTextContent('Begründung bei Abweichung');
    expect(medium[0]).toHaveTextContent('keine Regel nach der Anzeige');
    expect(medium[2]).toHaveTextContent('Begründung immer nötig');
    expect(medium[2]).toHaveTextContent('nach der Anzeige verschärft');
    expect(medium[2]).toHaveTextContent('Regel: weak-confidence');
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = canvas.getByRole('table', { name: /^Before the AI's recommendation is shown/ });
    const low = within(within(before).getByRole('row', { name: /^low/ })).getAllByRole('cell');
    expect(low[0]).toHaveTextContent('only on request');
    expect(low[2]).toHaveTextContent('no minimum');

    const after = canvas.getByRole('table', { name: /^After the AI's recommendation is shown/ });
    const [calibratedHigh, , , uncalibratedHigh, unknown] = within(
      within(after).getByRole('row', { name: /^low/ }),
    ).getAllByRole('cell');
    // 95 % calibrated at low stakes: nothing raised. 95 % uncalibrated or no confidence: a reason always.
    expect(calibratedHigh).toHaveTextContent('reason required when deviating');
    expect(uncalibratedHigh).toHaveTextContent('reason always required');
    expect(unknown).toHaveTextContent('reason always required');
    // High stakes already ask for a reason always; the AI's confidence cannot lower it.
    for (const cell of within(within(after).getByRole('row', { name: /^high/ })).getAllByRole('cell')) {
      expect(cell).toHaveTextContent('reason always required');
    }
  },
};

/** A deployment's own policy without after-reveal rules: the second table changes nothing. */
export const WithoutAfterRevealRules: Story = {
  args: {
    locale: 'en',
    policy: definePolicy({ ...defaultPolicy, id: 'example.no-after-reveal', version: '1', afterReveal: [] }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const after = canvas.getByRole('table', { name: /^After the AI's recommendation is shown/ });
    for (const cell of within(after).getAllByRole('cell'))
      expect(cell).toHaveAttribute('data-raised', 'false');
    expect(canvas.getByText('This policy has no rules after the reveal.')).toBeVisible();
  },
};
