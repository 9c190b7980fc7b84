import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { confidences } from '../testing/fixtures.ts';
import { Histogram } from './histogram.tsx';

describe('Histogram', () => {
  describe('given 200 confidences in ten bins', () => {
    it('draws one bar per bin with its count, named with range, count and share', () => {
      const { container } = render(
        <Histogram locale="en" values={confidences} thresholds={10} domain={[0, 1]} percent />,
      );
      const bars = screen.getAllByRole('img');
      expect(bars).toHaveLength(10);
      expect(bars[9]).toHaveAccessibleName(/^90% to 100%: \d+ \(\d+%\)$/);
      expect(bars[0]).toHaveAccessibleName('0% to under 10%: 0 (0%)');
      const counts = [...container.querySelectorAll('.dlb-histogram__count')].map((label) =>
        Number(label.textContent),
      );
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(200);
    });

    it('has a table twin with range, count and share per bin', () => {
      render(<Histogram locale="en" values={confidences} thresholds={10} domain={[0, 1]} percent />);
      const rows = within(screen.getByRole('table', { name: 'Distribution' })).getAllByRole('row');
      expect(rows[0]).toHaveTextContent('RangeCountShare');
      expect(rows).toHaveLength(11);
    });

    it('summarises the total and the fullest bin', () => {
      render(<Histogram locale="en" values={confidences} thresholds={10} domain={[0, 1]} percent />);
      expect(screen.getByRole('figure')).toHaveTextContent(
        /200 values in 10 bins; most \(\d+\) in 90% to 100%\./,
      );
    });
  });

  describe('with the keyboard', () => {
    it('tabs into the first bar and moves with the arrow keys, showing count and share', async () => {
      const user = userEvent.setup();
      render(
        <Histogram
          locale="en"
          bins={[
            { x0: 0, x1: 10, count: 3 },
            { x0: 10, x1: 20, count: 1 },
          ]}
        />,
      );
      await user.tab();
      expect(screen.getAllByRole('img')[0]).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('0 to under 10. Count: 3. Share: 75%');
      await user.keyboard('{ArrowRight}');
      expect(screen.getAllByRole('img')[1]).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('10 to 20. Count: 1. Share: 25%');
    });
  });

  describe('in German', () => {
    it('writes decimal commas and "bis unter"', () => {
      render(
        <Histogram
          locale="de"
          bins={[
            { x0: 0.5, x1: 1.5, count: 2 },
            { x0: 1.5, x1: 2.5, count: 2 },
          ]}
        />,
      );
      expect(screen.getAllByRole('img')[0]).toHaveAccessibleName(
        /^0,5 bis unter 1,5: 2 \(50[\u00a0\u202f]%\)$/,
      );
    });
  });

  describe('with extreme data', () => {
    it('says "no values" and draws no bars for an empty list', () => {
      const { container } = render(<Histogram locale="en" values={[]} />);
      expect(screen.queryAllByRole('img')).toEqual([]);
      expect(screen.getByRole('figure')).toHaveTextContent('No values.');
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('draws a single repeated value', () => {
      const { container } = render(<Histogram locale="en" values={[5, 5, 5]} />);
      expect(screen.getAllByRole('img').length).toBeGreaterThan(0);
      expect(container.innerHTML).not.toContain('NaN');
    });
  });
});
