import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calibrationBins } from '../testing/fixtures.ts';
import { ReliabilityDiagram } from './reliability-diagram.tsx';

const bins = () => screen.getAllByRole('img');

describe('ReliabilityDiagram', () => {
  describe('given ten bins, three of them empty', () => {
    it('draws one mark per bin, in order of confidence, named with range, accuracy and n', () => {
      render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      expect(bins()).toHaveLength(10);
      expect(bins()[9]).toHaveAccessibleName('Confidence 90% to 100%: accuracy 87%, n = 310');
    });

    it('shows empty bins as gaps — no point, no count bar — and names them "no cases", never 0 %', () => {
      const { container } = render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      const empty = bins()[4] as HTMLElement;
      expect(empty).toHaveAccessibleName('Confidence 40% to 50%: no cases');
      expect(empty).toHaveAttribute('data-empty', 'true');
      expect(empty.querySelector('circle')).toBeNull();
      expect(empty.querySelector('.dlb-reliability__count')).toBeNull();
      expect(container.querySelectorAll('circle.dlb-reliability__point[cx]')).toHaveLength(7 + 1); // + legend
      // The accuracy line is broken at the gap.
      expect(container.querySelector('.dlb-reliability__line')?.getAttribute('d')?.match(/M/g)).toHaveLength(
        2,
      );
    });

    it('labels each bin with its number of cases under the plot', () => {
      const { container } = render(<ReliabilityDiagram locale="en" bins={calibrationBins} width={600} />);
      const labels = [...container.querySelectorAll('.dlb-reliability__count-label')].map(
        (label) => label.textContent,
      );
      expect(labels).toEqual(['0', '0', '12', '31', '0', '58', '112', '164', '230', '310']);
    });

    it('draws the diagonal of perfect calibration and explains it in the legend', () => {
      const { container } = render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      expect(container.querySelector('svg .dlb-reliability__diagonal')).toBeInTheDocument();
      expect(screen.getByText('Dashed: perfect calibration (accuracy = confidence)')).toBeInTheDocument();
    });

    it('states the number of cases and the expected calibration error in its summary', () => {
      render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      expect(
        screen.getByRole('figure', { name: 'Calibration: AI accuracy by confidence' }),
      ).toHaveTextContent(
        /10 confidence bins with 917 cases in total, 3 of them empty\. Expected calibration error \(ECE\): \d+\.\d%\./,
      );
    });

    it('has a table twin with range, cases, confidence, accuracy and interval per bin', () => {
      render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      const table = screen.getByRole('table', { name: 'Calibration: AI accuracy by confidence' });
      const rows = within(table).getAllByRole('row');
      expect(rows[0]).toHaveTextContent('Confidence binCasesMean confidenceAccuracy95% interval');
      expect(rows).toHaveLength(11);
      expect(rows[5]).toHaveTextContent(/^40% to 50%0no casesno cases–$/);
      expect(rows[10]).toHaveTextContent(/^90% to 100%31095%87%83% to 90%$/);
    });
  });

  describe('with the keyboard', () => {
    it('tabs into the first bin and moves between bins with the arrow keys, showing each tooltip', async () => {
      const user = userEvent.setup();
      render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      await user.tab();
      expect(bins()[0]).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('no cases');
      await user.keyboard('{End}');
      expect(bins()[9]).toHaveFocus();
      const tooltip = screen.getByRole('tooltip');
      expect(tooltip).toHaveTextContent('AI confidence 90% to 100%');
      expect(tooltip).toHaveTextContent('Accuracy: 87% (95% interval 83% to 90%)');
      expect(tooltip).toHaveTextContent('Gap to the diagonal: −8 percentage points');
      await user.keyboard('{ArrowLeft}');
      expect(bins()[8]).toHaveFocus();
      expect(bins()[8]).toHaveAccessibleDescription(/Cases: 230/);
    });
  });

  describe('in German and English', () => {
    it('writes German percentages with a no-break space: "87 %"', () => {
      render(<ReliabilityDiagram locale="de" bins={calibrationBins} />);
      expect(bins()[9]).toHaveAccessibleName(
        /^Konfidenz 90[\u00a0\u202f]% bis 100[\u00a0\u202f]%: Trefferquote 87[\u00a0\u202f]%, n = 310$/,
      );
      expect(screen.getByRole('columnheader', { name: 'Trefferquote' })).toBeInTheDocument();
    });

    it('writes English percentages without a space: "87%"', () => {
      render(<ReliabilityDiagram locale="en" bins={calibrationBins} />);
      expect(bins()[9]).toHaveAccessibleName(/accuracy 87%/);
    });
  });

  describe('with extreme data', () => {
    it('draws a single bin', () => {
      const { container } = render(
        <ReliabilityDiagram locale="en" bins={[{ lo: 0, hi: 1, n: 4, confidence: 0.7, accuracy: 0.5 }]} />,
      );
      expect(bins()).toHaveLength(1);
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws bins that are all empty, and says there are no cases', () => {
      const { container } = render(
        <ReliabilityDiagram
          locale="en"
          bins={[
            { lo: 0, hi: 0.5, n: 0, confidence: null, accuracy: null },
            { lo: 0.5, hi: 1, n: 0, confidence: Number.NaN, accuracy: Number.NaN },
          ]}
        />,
      );
      expect(screen.getByRole('figure')).toHaveTextContent('2 confidence bins, no cases.');
      expect(container.querySelectorAll('svg.dlb-chart__svg circle')).toHaveLength(0);
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws no bins without NaN', () => {
      const { container } = render(<ReliabilityDiagram bins={[]} />);
      expect(container.innerHTML).not.toContain('NaN');
    });
  });
});
