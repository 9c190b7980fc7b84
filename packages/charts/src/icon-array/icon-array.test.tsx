import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IconArray } from './icon-array.tsx';

const icons = (container: HTMLElement) => [...container.querySelectorAll('svg.dlb-chart__svg use')];

describe('IconArray', () => {
  describe('given 8 of 10', () => {
    it('is named "8 of 10"', () => {
      render(<IconArray locale="en" count={8} total={10} />);
      expect(screen.getByRole('figure', { name: '8 of 10' })).toBeInTheDocument();
      expect(screen.getByRole('group', { name: '8 of 10' })).toBeInTheDocument();
    });

    it('draws ten icons with the eight filled ones grouped at the start', () => {
      const { container } = render(<IconArray locale="en" count={8} total={10} />);
      expect(icons(container).map((icon) => icon.getAttribute('data-filled'))).toEqual([
        ...Array(8).fill('true'),
        'false',
        'false',
      ]);
    });

    it('says what filled and empty icons mean, with the share, in the summary and the legend', () => {
      render(
        <IconArray
          locale="en"
          count={8}
          total={10}
          label="were approved in similar cases"
          restLabel="were refused"
        />,
      );
      expect(screen.getByRole('figure')).toHaveTextContent(
        '8 of 10 (80%): were approved in similar cases. 2 of 10: were refused.',
      );
      expect(screen.getAllByRole('img').map((group) => group.getAttribute('aria-label'))).toEqual([
        '8 of 10: were approved in similar cases',
        '2 of 10: were refused',
      ]);
    });

    it('has a table twin with both groups and the total', () => {
      render(<IconArray locale="en" count={8} total={10} />);
      const rows = within(screen.getByRole('table', { name: '8 of 10' })).getAllByRole('row');
      expect(rows.map((row) => row.textContent)).toEqual([
        'GroupCountShare',
        'with the outcome880%',
        'without the outcome220%',
        'Total10100%',
      ]);
    });
  });

  it('puts 100 icons in ten rows of ten', () => {
    const { container } = render(<IconArray count={37} total={100} />);
    const ys = new Set(icons(container).map((icon) => icon.getAttribute('y')));
    expect(icons(container)).toHaveLength(100);
    expect(ys.size).toBe(10);
  });

  describe('with the keyboard', () => {
    it('tabs to the filled group and moves to the empty group with an arrow key, showing tooltips', async () => {
      const user = userEvent.setup();
      render(<IconArray locale="en" count={8} total={10} />);
      await user.tab();
      const [filled, empty] = screen.getAllByRole('img');
      expect(filled).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('8 of 10 (80%)');
      await user.keyboard('{ArrowRight}');
      expect(empty).toHaveFocus();
      expect(screen.getByRole('tooltip')).toHaveTextContent('2 of 10 (20%)');
      expect(empty).toHaveAttribute('aria-describedby', screen.getByRole('tooltip').id);
    });
  });

  describe('in German', () => {
    it('is named "8 von 10" and writes "80 %"', () => {
      render(<IconArray locale="de" count={8} total={10} />);
      // textContent, not toHaveTextContent: the matcher would normalise the no-break space away.
      expect(screen.getByRole('figure', { name: '8 von 10' }).textContent).toMatch(
        /8 von 10 \(80[\u00a0\u202f]%\)/,
      );
    });
  });

  describe('with extreme data', () => {
    it('draws 0 of 0 without NaN', () => {
      const { container } = render(<IconArray locale="en" count={0} total={0} />);
      expect(screen.getByRole('figure', { name: '0 of 0' })).toHaveTextContent('No cases.');
      expect(container.innerHTML).not.toContain('NaN');
    });

    it('clamps a count above the total', () => {
      render(<IconArray locale="en" count={12} total={10} />);
      expect(screen.getByRole('figure', { name: '10 of 10' })).toBeInTheDocument();
      expect(screen.getAllByRole('img')).toHaveLength(1);
    });

    it('draws non-numbers as 0 of 0 rather than NaN', () => {
      const { container } = render(<IconArray count={Number.NaN} total={Number.NaN} />);
      expect(container.innerHTML).not.toContain('NaN');
    });
  });
});
