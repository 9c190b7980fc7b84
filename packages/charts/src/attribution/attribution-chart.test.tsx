import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { housingFactors, manyFactors } from '../testing/fixtures.ts';
import { AttributionChart } from './attribution-chart.tsx';

const bars = () => screen.getAllByRole('img');
const barNames = () => bars().map((bar) => bar.getAttribute('aria-label'));

describe('AttributionChart', () => {
  describe('given eight factors', () => {
    it('draws one bar per factor, largest |contribution| first', () => {
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      expect(barNames()).toEqual([
        'Mietbelastung: +0.21',
        'Monatliches Einkommen: +0.12',
        'Haushaltsgröße: +0.09',
        'Rücklagen: −0.08',
        'Frühere Bewilligung: +0.06',
        'Beschäftigungsdauer: +0.04',
        'Mietstufe der Gemeinde: −0.03',
        'Alter der antragstellenden Person: +0.01',
      ]);
    });

    it('shows the factor value next to its label and the signed contribution in its own column', () => {
      const { container } = render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      const income = container.querySelector('[data-factor-id="income"]') as SVGGElement;
      expect(income.querySelector('.dlb-attribution__label')).toHaveTextContent(
        'Monatliches Einkommen = 1,850',
      );
      expect(income.querySelector('.dlb-attribution__value')).toHaveTextContent('+0.12');
    });

    it('tells raising from lowering factors by sign, direction and hatching, not by colour alone', () => {
      const { container } = render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      const savings = container.querySelector('[data-factor-id="savings"]') as SVGGElement;
      const rent = container.querySelector('[data-factor-id="rent-burden"]') as SVGGElement;
      expect(savings).toHaveAttribute('data-sign', 'negative');
      expect(savings.querySelector('.dlb-attribution__value')).toHaveTextContent('−0.08');
      expect(savings.querySelector('path')).toHaveAttribute(
        'fill',
        expect.stringMatching(/^url\(#.+-hatch\)$/),
      );
      expect(rent).toHaveAttribute('data-sign', 'positive');
      expect(rent.querySelector('path')).not.toHaveAttribute('fill');
      // The legend says in words what the shapes mean.
      expect(screen.getByText('Arrow to the left, hatched: lowers the prediction (−)')).toBeInTheDocument();
    });

    it('summarises base value, prediction and the strongest factor in the caption', () => {
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      const figure = screen.getByRole('figure', { name: 'Factor contributions to the AI prediction' });
      expect(figure).toHaveTextContent(
        'Base value 0.30, prediction 0.72. 8 factors; the largest contribution is “Mietbelastung” with +0.21.',
      );
    });

    it('draws the base value and the prediction as labelled reference lines', () => {
      const { container } = render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      const references = container.querySelector('.dlb-attribution__references') as SVGGElement;
      expect(references).toHaveTextContent('Base value 0.30');
      expect(references).toHaveTextContent('Prediction 0.72');
    });

    it('names its axis and leaves room for the name inside the SVG', () => {
      const { container } = render(
        <AttributionChart locale="de" width={640} factors={housingFactors} baseValue={0.3} />,
      );
      const label = container.querySelector(
        '.dlb-chart__axis--bottom .dlb-chart__axis-label',
      ) as SVGTextElement;
      expect(label).toHaveTextContent('Modellausgabe');
      const svg = container.querySelector('svg.dlb-chart__svg') as SVGSVGElement;
      expect(Number(label.getAttribute('y')) + 6).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
    });
  });

  describe('its table twin', () => {
    it('lists the base value, every drawn row with value, contribution and running total, and the prediction', () => {
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      const table = screen.getByRole('table', { name: 'Factor contributions to the AI prediction' });
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent);
      expect(headers).toEqual(['Factor', 'Value', 'Contribution', 'Running total']);
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows).toHaveLength(10);
      expect(rows[0]).toHaveTextContent(/^Base value––0\.30$/);
      expect(within(rows[1] as HTMLElement).getByRole('rowheader')).toHaveTextContent('Mietbelastung');
      expect(rows[1]).toHaveTextContent(/^Mietbelastung48 %\+0\.210\.51$/);
      expect(rows[4]).toHaveTextContent(/^Rücklagen9,500−0\.080\.64$/);
      expect(rows[9]).toHaveTextContent(/^Prediction––0\.72$/);
    });

    it('is visually hidden unless showTable is set', () => {
      const { rerender } = render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(screen.getByRole('table')).toHaveClass('dlb-visually-hidden');
      rerender(<AttributionChart factors={housingFactors} baseValue={0.3} showTable />);
      expect(screen.getByRole('table')).not.toHaveClass('dlb-visually-hidden');
    });
  });

  describe('with the keyboard', () => {
    it('is a single tab stop that lands on the first bar and shows its tooltip', async () => {
      const user = userEvent.setup();
      render(
        <>
          <button type="button">before</button>
          <AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />
          <button type="button">after</button>
        </>,
      );
      await user.tab();
      await user.tab();
      const first = bars()[0];
      expect(first).toHaveFocus();
      const tooltip = screen.getByRole('tooltip');
      expect(tooltip).toHaveTextContent('Mietbelastung');
      expect(tooltip).toHaveTextContent('Contribution: +0.21 (raises the prediction)');
      expect(first).toHaveAttribute('aria-describedby', tooltip.id);
      await user.tab();
      expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
    });

    it('moves focus between bars with the arrow keys, Home and End', async () => {
      const user = userEvent.setup();
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      await user.tab();
      await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
      expect(bars()[3]).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('Contribution: −0.08 (lowers the prediction)');
      expect(screen.getByRole('tooltip')).toHaveTextContent('from 0.72 to 0.64');
      await user.keyboard('{ArrowUp}');
      expect(bars()[2]).toHaveFocus();
      await user.keyboard('{End}');
      expect(bars()[7]).toHaveFocus();
      await user.keyboard('{ArrowDown}');
      expect(bars()[7]).toHaveFocus();
      await user.keyboard('{Home}');
      expect(bars()[0]).toHaveFocus();
    });

    it('keeps the bar last visited as the tab stop when focus leaves and returns', async () => {
      const user = userEvent.setup();
      render(
        <>
          <AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />
          <button type="button">after</button>
        </>,
      );
      await user.tab();
      await user.keyboard('{ArrowDown}{ArrowDown}');
      await user.tab();
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
      await user.tab({ shift: true });
      expect(bars()[2]).toHaveFocus();
      expect(bars().filter((bar) => bar.getAttribute('tabindex') === '0')).toEqual([bars()[2]]);
    });

    it('hides the tooltip on Escape without moving focus', async () => {
      const user = userEvent.setup();
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      await user.tab();
      expect(screen.getByRole('tooltip')).toBeInTheDocument();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
      expect(bars()[0]).toHaveFocus();
    });
  });

  describe('with a pointer', () => {
    it('shows the tooltip of the hovered bar and hides it when the pointer leaves the chart', async () => {
      const user = userEvent.setup();
      const { container } = render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      await user.hover(container.querySelector('[data-factor-id="household"] rect') as Element);
      expect(screen.getByRole('tooltip')).toHaveTextContent('Haushaltsgröße');
      expect(screen.getByRole('tooltip')).toHaveTextContent('Value: 4');
      await user.unhover(container.querySelector('.dlb-chart__plot') as Element);
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    });
  });

  describe('in German and English', () => {
    it('writes German numbers with a decimal comma and German words', () => {
      render(<AttributionChart locale="de" factors={housingFactors} baseValue={0.3} />);
      expect(barNames()[0]).toBe('Mietbelastung: +0,21');
      expect(barNames()[3]).toBe('Rücklagen: −0,08');
      expect(
        screen.getByRole('figure', { name: 'Beiträge der Faktoren zur KI-Vorhersage' }),
      ).toHaveTextContent('Ausgangswert 0,30, Vorhersage 0,72.');
      expect(screen.getByRole('columnheader', { name: 'Stand danach' })).toBeInTheDocument();
    });

    it('writes English numbers with a decimal point', () => {
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      expect(barNames()[0]).toBe('Mietbelastung: +0.21');
    });

    it('defaults to German and marks the figure with its language', () => {
      render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(screen.getByRole('figure')).toHaveAttribute('lang', 'de');
    });

    it('takes overrides for any string through the messages prop', () => {
      render(
        <AttributionChart
          locale="en"
          factors={manyFactors(12)}
          baseValue={0}
          messages={{ title: 'Why the AI suggests a refusal', otherFactorsOther: '{count} minor factors' }}
        />,
      );
      expect(screen.getByRole('figure', { name: 'Why the AI suggests a refusal' })).toBeInTheDocument();
      expect(barNames().at(-1)).toMatch(/^4 minor factors: /);
    });
  });

  describe('with extreme data', () => {
    it('draws a single factor', () => {
      const { container } = render(
        <AttributionChart
          locale="en"
          factors={[{ id: 'a', label: 'Only factor', contribution: 0.4 }]}
          baseValue={0.1}
        />,
      );
      expect(barNames()).toEqual(['Only factor: +0.40']);
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('folds 500 factors into 8 bars and one "492 other factors" row, still one tab stop', async () => {
      const user = userEvent.setup();
      const { container } = render(
        <AttributionChart locale="en" factors={manyFactors(500)} baseValue={0.2} />,
      );
      expect(bars()).toHaveLength(9);
      expect(barNames().at(-1)).toMatch(/^492 other factors: [+−]\d\.\d\d$/);
      expect(container.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
      await user.tab();
      await user.keyboard('{End}');
      expect(screen.getByRole('tooltip')).toHaveTextContent('Sum of the contributions of 492 factors');
      expect(screen.getByRole('table')).toHaveTextContent('492 other factors');
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws all 500 factors with one tab stop when maxFactors is Infinity', async () => {
      const user = userEvent.setup();
      const { container } = render(
        <AttributionChart locale="en" factors={manyFactors(500)} baseValue={0.2} maxFactors={Infinity} />,
      );
      expect(bars()).toHaveLength(500);
      expect(container.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
      await user.tab();
      await user.keyboard('{PageDown}{PageDown}');
      expect(bars()[20]).toHaveFocus();
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws all-zero contributions as unsigned ticks without NaN', () => {
      const { container } = render(
        <AttributionChart
          locale="en"
          factors={[
            { id: 'a', label: 'A', contribution: 0 },
            { id: 'b', label: 'B', contribution: 0 },
          ]}
          baseValue={0}
        />,
      );
      expect(barNames()).toEqual(['A: 0.00', 'B: 0.00']);
      expect(container.querySelectorAll('[data-sign="zero"]')).toHaveLength(2);
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws no bars and says so when there are no factors', () => {
      const { container } = render(<AttributionChart locale="en" factors={[]} baseValue={0.5} />);
      expect(screen.queryAllByRole('img')).toEqual([]);
      expect(screen.getByRole('figure')).toHaveTextContent('No factors given.');
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('leaves out contributions that are not numbers', () => {
      const { container } = render(
        <AttributionChart
          locale="en"
          factors={[
            { id: 'ok', label: 'OK', contribution: 0.1 },
            { id: 'bad', label: 'Bad', contribution: Number.NaN },
          ]}
          baseValue={Number.NaN}
        />,
      );
      expect(barNames()).toEqual(['OK: +0.10']);
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('shows a gap between the contributions and the given prediction as an unexplained remainder', () => {
      render(
        <AttributionChart
          locale="en"
          factors={[{ id: 'a', label: 'A', contribution: 0.2 }]}
          baseValue={0.3}
          prediction={0.6}
        />,
      );
      expect(barNames()).toEqual(['A: +0.20', 'Unexplained remainder: +0.10']);
    });
  });

  describe('layout and environment', () => {
    it('falls back to 640 px where it cannot measure (jsdom, server) and takes a fixed width', () => {
      const { container, rerender } = render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(container.querySelector('svg.dlb-chart__svg')).toHaveAttribute('width', '640');
      rerender(<AttributionChart factors={housingFactors} baseValue={0.3} width={360} />);
      expect(container.querySelector('svg.dlb-chart__svg')).toHaveAttribute('width', '360');
    });

    it('is a named group described by its summary, not an image hiding its focusable bars', () => {
      render(<AttributionChart locale="en" factors={housingFactors} baseValue={0.3} />);
      const svg = screen.getByRole('group', { name: 'Factor contributions to the AI prediction' });
      expect(svg.tagName.toLowerCase()).toBe('svg');
      expect(svg).toHaveAccessibleDescription(/^Base value 0\.30, prediction 0\.72\..*Use the arrow keys/);
    });

    it('gives two charts on one page different hatch pattern ids', () => {
      const { container } = render(
        <>
          <AttributionChart factors={housingFactors} baseValue={0.3} />
          <AttributionChart factors={housingFactors} baseValue={0.3} />
        </>,
      );
      const ids = [...container.querySelectorAll('pattern')].map((pattern) => pattern.id);
      expect(new Set(ids).size).toBe(2);
    });
  });
});
