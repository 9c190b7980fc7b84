import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { weeklyOverrides } from '../testing/fixtures.ts';
import { RateOverTime } from './rate-over-time.tsx';

describe('RateOverTime', () => {
  describe('given twelve weeks, two without cases', () => {
    it('draws one mark per week, named with date, rate, interval and n', () => {
      render(<RateOverTime locale="en" rateLabel="Override rate" points={weeklyOverrides} />);
      const points = screen.getAllByRole('img');
      expect(points).toHaveLength(12);
      expect(points[0]).toHaveAccessibleName(
        '6 Jan 2025: Override rate 22% (95% interval 16% to 30%), n = 120',
      );
    });

    it('leaves the weeks without cases as gaps in the line and the band, named "no cases"', () => {
      const { container } = render(<RateOverTime locale="en" points={weeklyOverrides} />);
      expect(screen.getAllByRole('img')[4]).toHaveAccessibleName('3 Feb 2025: no cases');
      expect(container.querySelector('.dlb-rate__line')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
      expect(container.querySelector('.dlb-rate__band')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
      expect(container.querySelectorAll('svg.dlb-chart__svg .dlb-rate__mark circle')).toHaveLength(10);
    });

    it('labels the time axis without repeating a label', () => {
      for (const width of [320, 640, 1200]) {
        const { container, unmount } = render(
          <RateOverTime locale="en" points={weeklyOverrides} width={width} />,
        );
        const labels = [...container.querySelectorAll('.dlb-chart__axis--bottom .dlb-chart__tick-label')].map(
          (label) => label.textContent,
        );
        expect(labels.length).toBeGreaterThan(1);
        expect(new Set(labels).size).toBe(labels.length);
        unmount();
      }
    });

    it('summarises the period and the latest rate with its interval', () => {
      render(<RateOverTime locale="en" rateLabel="override rate" points={weeklyOverrides} />);
      expect(screen.getByRole('figure', { name: 'Rate over time' })).toHaveTextContent(
        '12 points from 6 Jan 2025 to 24 Mar 2025. Latest: override rate 7% (95% interval 4% to 12%, n = 140). 2 points without cases.',
      );
    });

    it('has a table twin with date, rate, interval and cases per point', () => {
      render(<RateOverTime locale="en" rateLabel="Override rate" points={weeklyOverrides} />);
      const rows = within(screen.getByRole('table')).getAllByRole('row');
      expect(rows[0]).toHaveTextContent('DateOverride rate95% intervalCases');
      expect(rows[1]).toHaveTextContent('6 Jan 202522%16% to 30%120');
      expect(rows[5]).toHaveTextContent('3 Feb 2025no cases–0');
    });
  });

  describe('with the keyboard', () => {
    it('tabs into the first point and moves through time with the arrow keys', async () => {
      const user = userEvent.setup();
      render(<RateOverTime locale="en" points={weeklyOverrides} />);
      await user.tab();
      const points = screen.getAllByRole('img');
      expect(points[0]).toHaveFocus();
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
      expect(points[4]).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('3 Feb 2025. no cases');
      await user.keyboard('{End}');
      expect(screen.getByRole('tooltip')).toHaveTextContent(
        '24 Mar 2025. Rate: 7%. 95% interval: 4% to 12%. Cases: 140',
      );
    });
  });

  describe('in German', () => {
    it('writes German dates and "22 %"', () => {
      render(<RateOverTime locale="de" points={weeklyOverrides} />);
      expect(screen.getAllByRole('img')[0]).toHaveAccessibleName(
        /^06\.01\.2025: Rate 22[\u00a0\u202f]% \(95-%-Intervall 16[\u00a0\u202f]% bis 30[\u00a0\u202f]%\), n = 120$/,
      );
    });
  });

  describe('with extreme data', () => {
    it('draws only points with n = 0 as gaps, without NaN', () => {
      const { container } = render(
        <RateOverTime locale="en" points={weeklyOverrides.map((point) => ({ ...point, n: 0 }))} />,
      );
      expect(container.querySelector('.dlb-rate__line')?.getAttribute('d')).toBe('');
      expect(screen.getByRole('figure')).toHaveTextContent(
        'the latest without cases. 12 points without cases.',
      );
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('says "no data" without points', () => {
      const { container } = render(<RateOverTime locale="en" points={[]} />);
      expect(screen.getByRole('figure')).toHaveTextContent('No data.');
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws a single point with its own interval whisker', () => {
      const { container } = render(
        <RateOverTime locale="en" points={[{ t: '2025-01-01', rate: 0.3, lo: 0.2, hi: 0.4, n: 50 }]} />,
      );
      expect(container.querySelectorAll('.dlb-rate__whisker')).toHaveLength(1);
      expect(container.innerHTML).not.toContain('NaN');
    });
  });
});
