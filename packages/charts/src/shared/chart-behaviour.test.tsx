import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttributionChart } from '../attribution/attribution-chart.tsx';
import { Histogram } from '../histogram/histogram.tsx';
import { housingFactors } from '../testing/fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('every chart', () => {
  describe('given a container that reports its size', () => {
    it('draws at the container width and follows it when it changes', async () => {
      let notify: ResizeObserverCallback = () => {};
      vi.stubGlobal(
        'ResizeObserver',
        class {
          constructor(callback: ResizeObserverCallback) {
            notify = callback;
          }
          observe() {}
          disconnect() {}
        },
      );
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 480 } as DOMRect);
      const { container } = render(<Histogram values={[1, 2, 3]} />);
      const svg = () => container.querySelector('svg.dlb-chart__svg');
      expect(svg()).toHaveAttribute('width', '480');
      await act(async () => {
        notify([{ contentRect: { width: 360 } } as ResizeObserverEntry], {} as ResizeObserver);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      });
      expect(svg()).toHaveAttribute('width', '360');
      expect(svg()).toHaveAttribute('viewBox', expect.stringMatching(/^0 0 360 /));
      vi.restoreAllMocks();
    });
  });

  describe('motion', () => {
    const stubMotion = (reduce: boolean) =>
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: reduce && query === '(prefers-reduced-motion: reduce)',
        addEventListener: () => {},
        removeEventListener: () => {},
      }));

    it('allows transitions when the user has no motion preference', () => {
      stubMotion(false);
      render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(screen.getByRole('figure')).toHaveAttribute('data-motion', 'full');
    });

    it('turns transitions off when the user prefers reduced motion', () => {
      stubMotion(true);
      render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(screen.getByRole('figure')).toHaveAttribute('data-motion', 'reduce');
    });

    it('does not animate where it cannot ask (no matchMedia)', () => {
      render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(screen.getByRole('figure')).toHaveAttribute('data-motion', 'reduce');
    });
  });

  describe('the highlight', () => {
    it('appears behind the focused mark and stays when Escape hides the tooltip', async () => {
      const user = userEvent.setup();
      const { container } = render(<AttributionChart factors={housingFactors} baseValue={0.3} />);
      expect(container.querySelector('.dlb-chart__highlight')).toBeNull();
      await user.tab();
      expect(container.querySelectorAll('.dlb-chart__highlight')).toHaveLength(1);
      expect(screen.getAllByRole('img')[0]).toHaveAttribute('data-state', 'focused');
      await user.keyboard('{Escape}');
      expect(container.querySelector('.dlb-chart__highlight')).not.toBeNull();
      await user.tab();
      expect(container.querySelector('.dlb-chart__highlight')).toBeNull();
    });
  });
});
