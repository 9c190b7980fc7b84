import { ConfidenceDisplay, I18nProvider } from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, within } from 'storybook/test';
import { localeOf } from '../fixtures/story-helpers.tsx';

/*
 * How the AI's confidence is shown. Every story renders inside an I18nProvider for the toolbar's
 * locale; its play function checks that what is seen is what a screen reader hears.
 */

const meta = {
  title: 'Components/ConfidenceDisplay',
  component: ConfidenceDisplay,
  args: { confidence: 0.82, calibrated: true, format: 'verbal' },
  argTypes: {
    confidence: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    calibrated: { control: 'boolean' },
    format: {
      control: 'inline-radio',
      options: ['percent', 'frequency', 'verbal', 'icon-array', 'interval'],
    },
    value: { control: 'number' },
    unit: { control: 'text' },
  },
  decorators: [
    (Story, context) => (
      <I18nProvider locale={localeOf(context)}>
        <div className="dlb-root" style={{ padding: '1rem' }}>
          <Story />
        </div>
      </I18nProvider>
    ),
  ],
  parameters: {
    docs: {
      description: {
        component: [
          'Shows the AI’s confidence without false precision, always in words or numbers (never colour alone).',
          '',
          '**Rounding rules.** *percent*: to the nearest 5 points, never 0 % or 100 % (“unter 5 %”, “über 95 %”).',
          '*frequency* / *icon-array*: of 10 similar cases, rounded to a whole case, never 0 or 10 of 10 (“fewer than 1”, “more than 9”);',
          'the icons are grouped, filled first, and fill as many as the text names.',
          '*verbal*: from the exact value, with the numeric range in the text (Wintle et al. 2019): ≥ 0.9 sehr wahrscheinlich (90–100 %),',
          '≥ 0.66 wahrscheinlich (66–90 %), ≥ 0.33 etwa so wahrscheinlich wie nicht (33–66 %), ≥ 0.1 unwahrscheinlich (10–33 %),',
          'else sehr unwahrscheinlich (0–10 %). *interval*: value and bounds with two decimals unless whole, the level in whole percent.',
          '',
          '**Uncalibrated** confidence is always shown as its verbal band plus “nicht kalibriert” and a notice, whatever format was asked for.',
          '**No confidence** says so in a sentence.',
          '',
          '**ARIA.** Calibrated percent, frequency, icon-array and verbal displays are a `role="meter"` whose `aria-valuetext` is the visible text',
          '(`aria-valuenow` is the rounded percent, the count of 10, or the band step 1–5). Intervals, uncalibrated and missing confidence are',
          'statements, not measurements on a scale, so they are a labelled `role="group"` of plain text instead.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof ConfidenceDisplay>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The meter's accessible value is exactly its visible text. */
async function expectMeterText(canvasElement: HTMLElement, name: string, text: string) {
  const meter = within(canvasElement).getByRole('meter', { name });
  await expect(meter).toHaveAttribute('aria-valuetext', text);
  await expect(meter.textContent).toBe(text);
}

export const Verbal: Story = {
  play: async ({ canvasElement }) => {
    await expectMeterText(canvasElement, 'Sicherheit des KI-Systems', 'wahrscheinlich (66–90\u00a0%)');
  },
};

export const Percent: Story = {
  args: { format: 'percent', confidence: 0.87 },
  play: async ({ canvasElement }) => {
    // 0.87 is rounded to 85 %: no false precision.
    await expectMeterText(canvasElement, 'Sicherheit des KI-Systems', '85\u00a0%');
  },
};

export const PercentNearCertain: Story = {
  args: { format: 'percent', confidence: 0.99 },
  play: async ({ canvasElement }) => {
    await expectMeterText(canvasElement, 'Sicherheit des KI-Systems', 'über 95\u00a0%');
  },
};

export const Frequency: Story = {
  args: { format: 'frequency' },
  play: async ({ canvasElement }) => {
    await expectMeterText(
      canvasElement,
      'Sicherheit des KI-Systems',
      'in etwa 8 von 10 ähnlichen Fällen zutreffend',
    );
  },
};

export const IconArray: Story = {
  args: { format: 'icon-array' },
  play: async ({ canvasElement }) => {
    await expectMeterText(
      canvasElement,
      'Sicherheit des KI-Systems',
      'in etwa 8 von 10 ähnlichen Fällen zutreffend',
    );
    const filled = canvasElement.querySelectorAll('.dlb-confidence__icon[data-filled="true"]');
    await expect(filled).toHaveLength(8);
  },
};

export const LowConfidence: Story = {
  args: { format: 'verbal', confidence: 0.28 },
  play: async ({ canvasElement }) => {
    await expectMeterText(canvasElement, 'Sicherheit des KI-Systems', 'unwahrscheinlich (10–33\u00a0%)');
  },
};

export const NumericWithInterval: Story = {
  args: {
    format: 'interval',
    confidence: 0.9,
    value: 412.5,
    unit: '€',
    interval: { lo: 360, hi: 470, level: 0.9 },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('meter')).not.toBeInTheDocument();
    await expect(canvas.getByRole('group', { name: 'Sicherheit des KI-Systems' }).textContent).toBe(
      '412,50 € (Vorhersageintervall 90\u00a0%: 360–470 €)',
    );
  },
};

export const Uncalibrated: Story = {
  args: { format: 'percent', calibrated: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Asked for percent, shown as a band with a notice: an uncalibrated number is never shown bare.
    await expect(canvas.queryByRole('meter')).not.toBeInTheDocument();
    const group = canvas.getByRole('group', { name: 'Sicherheit des KI-Systems' });
    await expect(group.textContent).toBe('wahrscheinlich (66–90\u00a0%); nicht kalibriert');
    await expect(canvas.getByText(/^Nicht kalibriert:/)).toBeVisible();
  },
};

export const NoConfidence: Story = {
  args: { confidence: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('meter')).not.toBeInTheDocument();
    await expect(canvas.getByText('Das System gibt für diese Empfehlung keine Sicherheit an')).toBeVisible();
  },
};

export const English: Story = {
  args: { format: 'frequency' },
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await expectMeterText(
      canvasElement,
      'Confidence of the AI system',
      'correct in about 8 of 10 similar cases',
    );
  },
};

export const EnglishUncalibrated: Story = {
  args: { calibrated: false },
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/^Not calibrated:/)).toBeVisible();
  },
};

export const Dark: Story = {
  args: { format: 'icon-array' },
  globals: { theme: 'dark' },
};

export const HighContrast: Story = {
  args: { format: 'percent' },
  globals: { theme: 'high-contrast' },
};

const ALL: { title: string; props: Partial<ComponentProps<typeof ConfidenceDisplay>> }[] = [
  { title: 'percent', props: { format: 'percent' } },
  { title: 'frequency', props: { format: 'frequency' } },
  { title: 'verbal', props: { format: 'verbal' } },
  { title: 'icon-array', props: { format: 'icon-array' } },
  {
    title: 'interval',
    props: { format: 'interval', value: 412.5, unit: '€', interval: { lo: 360, hi: 470, level: 0.9 } },
  },
  { title: 'verbal, low', props: { format: 'verbal', confidence: 0.28 } },
  { title: 'uncalibrated', props: { format: 'percent', calibrated: false } },
  {
    title: 'uncalibrated interval',
    props: {
      format: 'interval',
      calibrated: false,
      value: 412.5,
      unit: '€',
      interval: { lo: 360, hi: 470, level: 0.9 },
    },
  },
  { title: 'no confidence', props: { confidence: undefined } },
];

/** Every format and state side by side, for reviewers and visual checks. */
export const AllStates: Story = {
  render: (args) => (
    <dl style={{ display: 'grid', gap: '1rem', margin: 0 }}>
      {ALL.map(({ title, props }) => (
        <div key={title}>
          <dt style={{ fontFamily: 'monospace' }}>{title}</dt>
          <dd style={{ margin: 0 }}>
            <ConfidenceDisplay {...args} {...props} />
          </dd>
        </div>
      ))}
    </dl>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('meter')).toHaveLength(5);
    for (const meter of canvas.getAllByRole('meter')) {
      await expect(meter.textContent).toBe(meter.getAttribute('aria-valuetext'));
    }
  },
};
