import type { PredictionInterval } from '@deliberate/core';
import { forwardRef, useId, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { useOptionalDecisionContext, type ConfidenceFormat } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Locale } from '../messages/index.ts';
import { cx } from '../utils/class-names.ts';
import {
  VERBAL_BANDS,
  describeConfidence,
  type ConfidenceDescription,
  type ConfidenceDisplayFormat,
  type VerbalBand,
} from './describe-confidence.ts';

/* -------------------------------------------------------------------------------------------------
 * useConfidenceDisplay
 * -----------------------------------------------------------------------------------------------*/

export interface UseConfidenceDisplayProps {
  /** The AI's confidence in [0, 1]; `null`/`undefined` when the AI gives none. */
  confidence: number | null | undefined;
  /**
   * Whether the confidence is calibrated. Anything but `true` shows it as a verbal band with a
   * "not calibrated" notice, whatever `format` says.
   * @default false
   */
  calibrated?: boolean | null | undefined;
  /**
   * How to show it: `percent` ("85 %"), `frequency` ("correct in about 8 of 10 similar cases"),
   * `verbal` ("likely (66–90 %)"), `icon-array` (the frequency with 10 grouped icons) or
   * `interval` (numeric predictions: value, level and range; needs `value` and `interval`).
   * @default the DecisionProvider's `confidenceFormat`, else 'verbal'
   */
  format?: ConfidenceFormat | undefined;
  /** For `interval`: the prediction interval. */
  interval?: PredictionInterval | undefined;
  /** For `interval`: the predicted value. */
  value?: number | undefined;
  /** For `interval`: the unit after the value and the range, e.g. `€`. */
  unit?: string | undefined;
}

export interface UseConfidenceDisplayResult {
  /** Everything `describeConfidence` says: the format used, the text, the band, the notice. */
  description: ConfidenceDescription;
  /** The text shown and announced; equal to `description.text`. */
  valueText: string;
  /** Whether the value element has meter semantics (see `meterProps`). */
  isMeter: boolean;
  /**
   * For the element that holds the value text. A `role="meter"` with `aria-valuenow/min/max` and
   * `aria-valuetext` (= the visible text) for calibrated percent, frequency, icon-array and verbal
   * displays; a labelled `role="group"` otherwise (interval, uncalibrated, none), because those
   * are statements, not a measurement on a scale, and a meter would claim a precision they lack.
   */
  meterProps: HTMLAttributes<HTMLElement> & { id: string };
  /** For the visible label; its id names the meter or group. */
  labelProps: { id: string };
  /** For the "not calibrated" notice (render it only when `description.notice` is set). */
  noticeProps: { id: string };
}

/**
 * The behaviour of a confidence display without its look (React Aria `useMeter` style): spread
 * the prop bags on your own elements to get the same ARIA wiring and the same text.
 *
 * @example
 * const { meterProps, labelProps, valueText, description } = useConfidenceDisplay({ confidence: 0.82, calibrated: true });
 * <div><span {...labelProps}>KI-Sicherheit</span><div {...meterProps}>{valueText}</div></div>
 */
export function useConfidenceDisplay(props: UseConfidenceDisplayProps): UseConfidenceDisplayResult {
  const translator = useI18n();
  const context = useOptionalDecisionContext();
  const format = props.format ?? context?.confidenceFormat ?? 'verbal';
  const id = useId();
  const { confidence, calibrated, interval, value, unit } = props;

  const description = useMemo(
    () =>
      describeConfidence({
        confidence,
        calibrated,
        format,
        locale: translator.locale as Locale,
        interval,
        value,
        unit,
        translator,
      }),
    [confidence, calibrated, format, translator, interval, value, unit],
  );

  const labelId = `${id}-label`;
  const noticeId = `${id}-notice`;
  const meter = description.meter;
  const meterProps: UseConfidenceDisplayResult['meterProps'] = meter
    ? {
        id: `${id}-value`,
        role: 'meter',
        'aria-valuenow': meter.value,
        'aria-valuemin': meter.min,
        'aria-valuemax': meter.max,
        'aria-valuetext': description.valueText,
        'aria-labelledby': labelId,
      }
    : {
        id: `${id}-value`,
        role: 'group',
        'aria-labelledby': labelId,
        ...(description.notice ? { 'aria-describedby': noticeId } : {}),
      };

  return {
    description,
    valueText: description.valueText,
    isMeter: meter !== null,
    meterProps,
    labelProps: { id: labelId },
    noticeProps: { id: noticeId },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Graphics (decorative: the text always carries the value)
 * -----------------------------------------------------------------------------------------------*/

function PercentBar({ percent }: { percent: number }) {
  return (
    <div className="dlb-confidence__bar" aria-hidden="true">
      <div className="dlb-confidence__bar-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

function BandScale({ band }: { band: VerbalBand }) {
  // Least likely on the left, as on a number line; widths proportional to each band's range.
  const bands = [...VERBAL_BANDS].reverse();
  return (
    <div className="dlb-confidence__scale" aria-hidden="true">
      {bands.map((definition) => (
        <span
          key={definition.band}
          className="dlb-confidence__scale-step"
          data-active={definition.band === band ? 'true' : 'false'}
          style={{ flexGrow: Math.round((definition.hi - definition.lo) * 100) }}
        />
      ))}
    </div>
  );
}

const ICON = 24;
const ICON_GAP = 8;

/**
 * Ten person icons, the filled ones first and together (grouped arrays are read more accurately
 * than scattered ones: Price et al. 2022), in two blocks of five so they can be counted. Filled
 * and empty icons differ in shape (solid vs. outline), not only in colour. Drawn here rather than
 * with `@deliberate/charts`' `IconArray`, which is an interactive figure with its own caption,
 * tab stop and table: inside this display the text already says "8 of 10", so the icons are
 * decorative.
 */
function SmallIconArray({ count, total }: { count: number; total: number }) {
  const width = total * ICON + (Math.ceil(total / 5) - 1) * ICON_GAP;
  return (
    <svg
      className="dlb-confidence__icons"
      aria-hidden="true"
      focusable="false"
      width={width}
      height={ICON}
      viewBox={`0 0 ${width} ${ICON}`}
    >
      {Array.from({ length: total }, (_, index) => {
        const x = index * ICON + Math.floor(index / 5) * ICON_GAP;
        const filled = index < count;
        return (
          <g
            key={index}
            transform={`translate(${x} 0)`}
            className="dlb-confidence__icon"
            data-filled={filled ? 'true' : 'false'}
          >
            <circle cx={12} cy={6.5} r={4} />
            <path d="M4.5 22c0-5 3.2-8.5 7.5-8.5s7.5 3.5 7.5 8.5z" />
          </g>
        );
      })}
    </svg>
  );
}

/* -------------------------------------------------------------------------------------------------
 * ConfidenceDisplay
 * -----------------------------------------------------------------------------------------------*/

export interface ConfidenceDisplayProps
  extends UseConfidenceDisplayProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The visible label. @default "Confidence of the AI system" / "Sicherheit des KI-Systems" */
  label?: ReactNode;
  /** Show the bar, the band scale or the icons next to the text. @default true */
  showGraphic?: boolean;
}

/**
 * Shows how confident the AI is, honestly: rounded (see `describeConfidence` for the rules),
 * always in words or numbers, never by colour alone, and never as a bare number when the
 * confidence is not calibrated.
 *
 * Data attributes on the root:
 * - `data-state`:
 *   - `calibrated` (@selector `[data-state="calibrated"]`): a calibrated confidence, shown in the asked format;
 *   - `uncalibrated` (@selector `[data-state="uncalibrated"]`): shown as a verbal band (or a range) with the notice;
 *   - `none` (@selector `[data-state="none"]`): the AI gives no confidence.
 * - `data-format` (@selector `[data-format="icon-array"]`): the format actually used
 *   (`percent | frequency | verbal | icon-array | interval | none`).
 * - `data-band` (@selector `[data-band="likely"]`): the verbal band, when there is one.
 *
 * @example
 * <ConfidenceDisplay confidence={0.82} calibrated format="frequency" />
 * <ConfidenceDisplay confidence={0.9} calibrated format="interval" value={412.5} unit="€"
 *   interval={{ lo: 360, hi: 470, level: 0.9 }} />
 */
export const ConfidenceDisplay = forwardRef<HTMLDivElement, ConfidenceDisplayProps>(
  function ConfidenceDisplay(props, ref) {
    const {
      confidence,
      calibrated,
      format,
      interval,
      value,
      unit,
      label,
      showGraphic = true,
      className,
      ...rest
    } = props;
    const { t } = useI18n();
    const { description, meterProps, labelProps, noticeProps } = useConfidenceDisplay({
      confidence,
      calibrated,
      format,
      interval,
      value,
      unit,
    });
    const state =
      description.format === 'none' ? 'none' : description.calibrated ? 'calibrated' : 'uncalibrated';
    // Inside a decision, declare what is actually shown (safeguard manifest). A number is a
    // percentage, a frequency, an icon array, or an interval with its stated level.
    useSafeguard('confidence.display', {
      displayFormat: description.format,
      calibrated: description.calibrated,
      numeric:
        description.format === 'percent' ||
        description.format === 'frequency' ||
        description.format === 'icon-array' ||
        (description.format === 'interval' && description.calibrated),
      uncalibratedNotice: description.notice !== null,
    });

    let graphic: ReactNode = null;
    if (showGraphic && description.meter) {
      const used: ConfidenceDisplayFormat = description.format;
      if (used === 'percent') graphic = <PercentBar percent={description.meter.value} />;
      else if (used === 'verbal' && description.band) graphic = <BandScale band={description.band} />;
      else if (used === 'icon-array' && description.frequency)
        graphic = <SmallIconArray {...description.frequency} />;
    }

    return (
      <div
        {...rest}
        ref={ref}
        className={cx('dlb-confidence', className)}
        data-state={state}
        data-format={description.format}
        data-band={description.band ?? undefined}
      >
        <div {...labelProps} className="dlb-confidence__label">
          {label ?? t('confidence.label')}
        </div>
        <div {...meterProps} className="dlb-confidence__value">
          <span className="dlb-confidence__text">{description.text}</span>
          {graphic}
        </div>
        {description.notice ? (
          <p {...noticeProps} className="dlb-confidence__notice">
            {description.notice}
          </p>
        ) : null}
      </div>
    );
  },
);
ConfidenceDisplay.displayName = 'ConfidenceDisplay';
