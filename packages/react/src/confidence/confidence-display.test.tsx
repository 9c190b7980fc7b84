import { render, renderHook, screen } from '@testing-library/react';
import { createRef } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/context.tsx';
import { ConfidenceDisplay, useConfidenceDisplay } from './confidence-display.tsx';

const NBSP = '\u00a0';

describe('ConfidenceDisplay', () => {
  it('takes a ref and the host’s attributes', () => {
    const ref = createRef<HTMLDivElement>();
    render(<ConfidenceDisplay ref={ref} confidence={0.84} calibrated className="host" id="confidence" />);
    expect(ref.current).toHaveAttribute('id', 'confidence');
    expect(ref.current).toHaveClass('dlb-confidence', 'host');
    expect(ref.current).toHaveAttribute('data-state', 'calibrated');
  });

  describe('given a calibrated confidence', () => {
    it.each([
      ['percent', `85${NBSP}%`, '85', '0', '100'],
      ['frequency', 'in etwa 8 von 10 ähnlichen Fällen zutreffend', '8', '0', '10'],
      ['icon-array', 'in etwa 8 von 10 ähnlichen Fällen zutreffend', '8', '0', '10'],
      ['verbal', `wahrscheinlich (66–90${NBSP}%)`, '4', '1', '5'],
    ] as const)(
      'shows %s as a meter whose aria-valuetext is the visible text',
      (format, text, now, min, max) => {
        render(<ConfidenceDisplay confidence={0.84} calibrated format={format} />);
        const meter = screen.getByRole('meter', { name: 'Sicherheit des KI-Systems' });
        expect(meter).toHaveAttribute('aria-valuetext', text);
        // What is seen is what is heard: the meter's only text is its value text.
        expect(meter.textContent).toBe(text);
        expect(meter.textContent).toBe(meter.getAttribute('aria-valuetext'));
        expect(meter).toHaveAttribute('aria-valuenow', now);
        expect(meter).toHaveAttribute('aria-valuemin', min);
        expect(meter).toHaveAttribute('aria-valuemax', max);
      },
    );

    it('speaks English inside an English I18nProvider', () => {
      render(
        <I18nProvider locale="en">
          <ConfidenceDisplay confidence={0.84} calibrated format="frequency" />
        </I18nProvider>,
      );
      expect(screen.getByRole('meter', { name: 'Confidence of the AI system' })).toHaveAttribute(
        'aria-valuetext',
        'correct in about 8 of 10 similar cases',
      );
    });

    it('marks its state, format and band for styling', () => {
      const { container } = render(<ConfidenceDisplay confidence={0.95} calibrated format="percent" />);
      const root = container.firstElementChild;
      expect(root).toHaveAttribute('data-state', 'calibrated');
      expect(root).toHaveAttribute('data-format', 'percent');
      expect(root).toHaveAttribute('data-band', 'very-likely');
    });

    it('draws a grouped icon array with as many filled icons as the text says, hidden from screen readers', () => {
      const { container } = render(<ConfidenceDisplay confidence={0.7} calibrated format="icon-array" />);
      const svg = container.querySelector('svg');
      expect(svg).toHaveAttribute('aria-hidden', 'true');
      const icons = [...container.querySelectorAll('.dlb-confidence__icon')];
      expect(icons.map((icon) => icon.getAttribute('data-filled'))).toEqual([
        ...Array<string>(7).fill('true'),
        ...Array<string>(3).fill('false'),
      ]);
    });

    it('accepts a custom label', () => {
      render(<ConfidenceDisplay confidence={0.5} calibrated format="verbal" label="Modell-Sicherheit" />);
      expect(screen.getByRole('meter', { name: 'Modell-Sicherheit' })).toBeInTheDocument();
    });
  });

  describe('given an uncalibrated confidence', () => {
    it.each(['percent', 'frequency', 'verbal', 'icon-array'] as const)(
      'shows a verbal band and a visible notice instead of %s, as text, not as a meter',
      (format) => {
        const { container } = render(
          <ConfidenceDisplay confidence={0.84} calibrated={false} format={format} />,
        );
        expect(screen.queryByRole('meter')).not.toBeInTheDocument();
        const group = screen.getByRole('group', { name: 'Sicherheit des KI-Systems' });
        expect(group.textContent).toBe(`wahrscheinlich (66–90${NBSP}%); nicht kalibriert`);
        expect(group).toHaveAccessibleDescription(/^Nicht kalibriert:/);
        expect(screen.getByText(/^Nicht kalibriert:/)).toBeVisible();
        expect(container.firstElementChild).toHaveAttribute('data-state', 'uncalibrated');
        expect(container.firstElementChild).toHaveAttribute('data-format', 'verbal');
        expect(container).not.toHaveTextContent(`85${NBSP}%`);
      },
    );

    it('counts missing calibration data as uncalibrated', () => {
      render(<ConfidenceDisplay confidence={0.84} format="percent" />);
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
      expect(screen.getByText(/^Nicht kalibriert:/)).toBeInTheDocument();
    });
  });

  describe('given no confidence', () => {
    it('says so in words and is not a meter', () => {
      const { container } = render(<ConfidenceDisplay confidence={undefined} calibrated format="percent" />);
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
      expect(screen.getByRole('group', { name: 'Sicherheit des KI-Systems' })).toHaveTextContent(
        'Das System gibt für diese Empfehlung keine Sicherheit an',
      );
      expect(container.firstElementChild).toHaveAttribute('data-state', 'none');
      expect(container).not.toHaveTextContent('%');
    });
  });

  describe('given a numeric prediction', () => {
    it('shows value, level and range as text, not as a meter', () => {
      render(
        <ConfidenceDisplay
          confidence={0.9}
          calibrated
          format="interval"
          value={412.5}
          unit="€"
          interval={{ lo: 360, hi: 470, level: 0.9 }}
        />,
      );
      expect(screen.queryByRole('meter')).not.toBeInTheDocument();
      expect(screen.getByRole('group', { name: 'Sicherheit des KI-Systems' }).textContent).toBe(
        `412,50 € (Vorhersageintervall 90${NBSP}%: 360–470 €)`,
      );
    });
  });

  it('renders on the server without touching window', () => {
    const html = renderToString(<ConfidenceDisplay confidence={0.84} calibrated format="icon-array" />);
    expect(html).toContain('role="meter"');
    expect(html).toContain('in etwa 8 von 10');
  });
});

describe('useConfidenceDisplay', () => {
  it('returns prop bags that wire the label to the meter', () => {
    const { result } = renderHook(() =>
      useConfidenceDisplay({ confidence: 0.3, calibrated: true, format: 'percent' }),
    );
    expect(result.current.isMeter).toBe(true);
    expect(result.current.meterProps).toMatchObject({
      role: 'meter',
      'aria-valuenow': 30,
      'aria-valuetext': `30${NBSP}%`,
      'aria-labelledby': result.current.labelProps.id,
    });
    expect(result.current.valueText).toBe(result.current.description.text);
  });

  it('describes an uncalibrated value by its notice', () => {
    const { result } = renderHook(() => useConfidenceDisplay({ confidence: 0.3, format: 'percent' }));
    expect(result.current.isMeter).toBe(false);
    expect(result.current.meterProps).toMatchObject({
      role: 'group',
      'aria-describedby': result.current.noticeProps.id,
    });
  });
});
