import { useId, type ReactNode } from 'react';
import {
  createFormatter,
  fillTemplate,
  Histogram,
  MISSING,
  RateOverTime,
  ReliabilityDiagram,
} from '@deliberate/charts';
import type { ChartFormatter } from '@deliberate/charts';
import type { Metrics, MetricsReport, PeriodRates, Rate } from '../types.ts';
import { ConfidenceBinChart } from './confidence-bin-chart.tsx';
import {
  dashboardMessages,
  type DashboardLocale,
  type DashboardMessages,
  type MetricText,
} from './messages.ts';

/*
 * The evaluator dashboard: what `deliberate report` prints, as React parts that take a metrics
 * result from the pure engine (`createMetricsEngine().metrics()` or `metricsFromEvents`). Each
 * part is a `<section>` named by its heading; every chart has a table twin; colours come from
 * CSS variables (`--dlb-*`, see dashboard.css), so the host's theme applies.
 */

type HeadingLevel = 1 | 2 | 3 | 4 | 5;

/** Props every part shares. */
export interface DashboardPartProps {
  /** A metrics result from the pure engine (`MetricsReport`). */
  result: MetricsReport;
  /**
   * Language of all text and numbers ("87 %" in German, "87%" in English).
   * @default 'de'
   */
  locale?: DashboardLocale | undefined;
  /**
   * Level of the part's heading; the dashboard passes its own level + 1.
   * @default 3
   */
  headingLevel?: HeadingLevel | undefined;
  /**
   * A fixed chart width in px (server rendering, print). Without it charts follow their container.
   * @default undefined
   */
  chartWidth?: number | undefined;
  /**
   * Shows the charts' table twins on screen (they are always there for screen readers).
   * @default false
   */
  showTables?: boolean | undefined;
  /**
   * Reason texts in the dashboard's language, by code, or by `system|code` when two code systems
   * share a code. A code without an entry shows the text logged with it (`display`), which is in
   * whatever language the decision screen used.
   * @default undefined (the logged texts)
   * @example reasonLabels={{ 'missing-evidence': 'Nachweis fehlt' }}
   */
  reasonLabels?: Readonly<Record<string, string>> | undefined;
}

function Heading({ level, id, children }: { level: HeadingLevel; id: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className="dlb-dashboard__heading">
      {children}
    </Tag>
  );
}

function useSectionId(prefix: string): string {
  return `dlb-${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

function Section({
  name,
  heading,
  level,
  definition,
  children,
}: {
  name: string;
  heading: string;
  level: HeadingLevel;
  definition?: string | undefined;
  children: ReactNode;
}) {
  const id = useSectionId(name);
  return (
    <section className={`dlb-dashboard__section dlb-dashboard__section--${name}`} aria-labelledby={id}>
      <Heading level={level} id={id}>
        {heading}
      </Heading>
      {definition ? <p className="dlb-dashboard__definition">{definition}</p> : null}
      {children}
    </section>
  );
}

function percentOf(format: ChartFormatter, value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined
    ? MISSING
    : format.percent(value, { maximumFractionDigits: digits });
}

/** The interval text of a rate, e.g. "95 % interval 26 % to 37 %". */
export function intervalText(messages: DashboardMessages, format: ChartFormatter, rate: Rate | null): string {
  return rate
    ? fillTemplate(messages.interval, { lo: percentOf(format, rate.lo), hi: percentOf(format, rate.hi) })
    : messages.notAvailable;
}

/** The count text of a rate, e.g. "81 of 263". */
export function countText(messages: DashboardMessages, format: ChartFormatter, rate: Rate | null): string {
  return fillTemplate(messages.counts, { k: format.integer(rate?.k ?? 0), n: format.integer(rate?.n ?? 0) });
}

/** The rates the summary shows, in order, with their messages. */
export function summaryRates(
  metrics: Metrics,
  messages: DashboardMessages,
): { key: string; text: MetricText; rate: Rate | null }[] {
  const m = messages.metrics;
  return [
    { key: 'override', text: m.override, rate: metrics.override },
    { key: 'overReliance', text: m.overReliance, rate: metrics.overReliance },
    { key: 'underReliance', text: m.underReliance, rate: metrics.underReliance },
    { key: 'switch', text: m.switch, rate: metrics.switch },
    { key: 'rair', text: m.rair, rate: metrics.rair },
    { key: 'rsr', text: m.rsr, rate: metrics.rsr },
    { key: 'accuracyHuman', text: m.accuracyHuman, rate: metrics.accuracy.human },
    { key: 'accuracyAi', text: m.accuracyAi, rate: metrics.accuracy.ai },
    { key: 'accuracyTeam', text: m.accuracyTeam, rate: metrics.accuracy.team },
  ];
}

/* -------------------------------------------------------------------------------------------------
 * Summary
 * -----------------------------------------------------------------------------------------------*/

/**
 * Summary tiles: each rate with its 95 % interval and k of n; rates without cases say so.
 *
 * @example
 * <OverrideDashboardSummary result={result} locale="en" />
 */
export function OverrideDashboardSummary({ result, locale = 'de', headingLevel = 3 }: DashboardPartProps) {
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const signed = (value: number | null) =>
    value === null
      ? MISSING
      : fillTemplate(messages.percentagePoints, {
          value: format.signed(value * 100, { maximumFractionDigits: 1 }),
        });
  return (
    <Section name="summary" heading={messages.summaryHeading} level={headingLevel}>
      <dl className="dlb-dashboard__tiles">
        <div className="dlb-dashboard__tile" data-state="value">
          <dt className="dlb-dashboard__tile-label">{messages.metrics.decisions.label}</dt>
          <dd className="dlb-dashboard__tile-value">{format.integer(result.decisions)}</dd>
          <dd className="dlb-dashboard__tile-detail">
            {fillTemplate(messages.withTruth, { truth: format.integer(result.activity.withTruth) })}
          </dd>
        </div>
        {summaryRates(result, messages).map(({ key, text, rate }) => (
          <div
            key={key}
            className="dlb-dashboard__tile"
            data-metric={key}
            data-state={rate ? 'value' : 'empty'}
          >
            <dt className="dlb-dashboard__tile-label">{text.label}</dt>
            <dd className="dlb-dashboard__tile-value">
              {rate ? percentOf(format, rate.rate) : messages.notAvailable}
            </dd>
            <dd className="dlb-dashboard__tile-detail">{intervalText(messages, format, rate)}</dd>
            <dd className="dlb-dashboard__tile-detail">{countText(messages, format, rate)}</dd>
          </div>
        ))}
        <div
          className="dlb-dashboard__tile"
          data-metric="complementarity"
          data-state={result.complementarity === null ? 'empty' : 'value'}
        >
          <dt className="dlb-dashboard__tile-label">{messages.metrics.complementarity.label}</dt>
          <dd className="dlb-dashboard__tile-value">{signed(result.complementarity)}</dd>
        </div>
        <div
          className="dlb-dashboard__tile"
          data-metric="ece"
          data-state={result.calibration.ece === null ? 'empty' : 'value'}
        >
          <dt className="dlb-dashboard__tile-label">{messages.metrics.ece.label}</dt>
          <dd className="dlb-dashboard__tile-value">{percentOf(format, result.calibration.ece, 1)}</dd>
          <dd className="dlb-dashboard__tile-detail">n = {format.integer(result.calibration.n)}</dd>
        </div>
      </dl>
    </Section>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Charts
 * -----------------------------------------------------------------------------------------------*/

/**
 * The reliability diagram of the AI's confidence, with ECE, MCE and Brier score.
 *
 * @example
 * <OverrideDashboardReliability result={result} />
 */
export function OverrideDashboardReliability({
  result,
  locale = 'de',
  headingLevel = 3,
  chartWidth,
  showTables,
}: DashboardPartProps) {
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const { calibration } = result;
  const number = (value: number | null) =>
    value === null ? MISSING : format.number(value, { maximumFractionDigits: 3 });
  return (
    <Section
      name="reliability"
      heading={messages.reliabilityHeading}
      level={headingLevel}
      definition={fillTemplate(messages.reliabilityDefinition, {
        binning: calibration.binning === 'width' ? messages.binningWidth : messages.binningMass,
        bins: format.integer(calibration.binCount),
        ece: number(calibration.ece),
        mce: number(calibration.mce),
        brier: number(calibration.brier),
        n: format.integer(calibration.n),
      })}
    >
      <ReliabilityDiagram
        locale={locale}
        bins={calibration.bins}
        width={chartWidth}
        showTable={showTables}
        title={messages.reliabilityHeading}
      />
    </Section>
  );
}

/**
 * The override rate per AI-confidence bin with Wilson intervals.
 *
 * @example
 * <OverrideDashboardConfidenceBins result={result} locale="en" />
 */
export function OverrideDashboardConfidenceBins({
  result,
  locale = 'de',
  headingLevel = 3,
  chartWidth,
  showTables,
}: DashboardPartProps) {
  const messages = dashboardMessages[locale];
  return (
    <Section
      name="confidence"
      heading={messages.confidenceHeading}
      level={headingLevel}
      definition={messages.confidenceDefinition}
    >
      <ConfidenceBinChart
        bins={result.byConfidenceBin}
        locale={locale}
        width={chartWidth}
        showTable={showTables}
      />
    </Section>
  );
}

/** Chooses months when the log spans at least three of them, weeks otherwise. */
export function overTimeUnit(result: MetricsReport): 'month' | 'week' {
  return result.overTime.month.length >= 3 ? 'month' : 'week';
}

function ratePoints(periods: readonly PeriodRates[], pick: (period: PeriodRates) => Rate | null) {
  return periods.map((period) => {
    const rate = pick(period);
    return {
      t: period.start,
      rate: rate?.rate ?? null,
      lo: rate?.lo ?? null,
      hi: rate?.hi ?? null,
      n: rate?.n ?? 0,
    };
  });
}

/**
 * Override rate and over-reliance per month (or week, for short logs) with interval bands.
 *
 * @example
 * <OverrideDashboardOverTime result={result} unit="week" />
 */
export function OverrideDashboardOverTime({
  result,
  locale = 'de',
  headingLevel = 3,
  chartWidth,
  showTables,
  unit,
}: DashboardPartProps & {
  /**
   * Period of the rates.
   * @default months when the log spans three or more, else weeks
   */
  unit?: 'month' | 'week' | undefined;
}) {
  const messages = dashboardMessages[locale];
  const chosen = unit ?? overTimeUnit(result);
  const periods = result.overTime[chosen];
  const dateFormat: Intl.DateTimeFormatOptions =
    chosen === 'month' ? { year: 'numeric', month: 'long' } : { dateStyle: 'medium' };
  return (
    <Section
      name="over-time"
      heading={messages.overTimeHeading}
      level={headingLevel}
      definition={fillTemplate(messages.overTimeDefinition, {
        unit: chosen === 'month' ? messages.month : messages.week,
      })}
    >
      <div className="dlb-dashboard__pair">
        <RateOverTime
          locale={locale}
          title={messages.overrideRateLabel}
          rateLabel={messages.overrideRateLabel}
          points={ratePoints(periods, (p) => p.override)}
          dateFormat={dateFormat}
          width={chartWidth}
          showTable={showTables}
        />
        <RateOverTime
          locale={locale}
          title={messages.overRelianceRateLabel}
          rateLabel={messages.overRelianceRateLabel}
          points={ratePoints(periods, (p) => p.overReliance)}
          dateFormat={dateFormat}
          width={chartWidth}
          showTable={showTables}
        />
      </div>
    </Section>
  );
}

/**
 * Reason codes given on finalized decisions, most frequent first, as a table with bars.
 *
 * @example
 * <OverrideDashboardReasons result={result} />
 */
export function OverrideDashboardReasons({
  result,
  locale = 'de',
  headingLevel = 3,
  reasonLabels,
}: DashboardPartProps) {
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const max = Math.max(1, ...result.reasons.map((reason) => reason.count));
  return (
    <Section
      name="reasons"
      heading={messages.reasonsHeading}
      level={headingLevel}
      definition={messages.reasonsDefinition}
    >
      {result.reasons.length === 0 ? (
        <p className="dlb-dashboard__empty">{messages.noReasons}</p>
      ) : (
        <table className="dlb-dashboard__table">
          <caption className="dlb-visually-hidden">{messages.reasonsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{messages.columnCode}</th>
              <th scope="col">{messages.columnReason}</th>
              <th scope="col">{messages.columnCount}</th>
              <th scope="col">{messages.columnShare}</th>
            </tr>
          </thead>
          <tbody>
            {result.reasons.map((reason) => (
              <tr key={`${reason.system}|${reason.code}`}>
                <th scope="row">
                  <code>{reason.code}</code>
                </th>
                <td>
                  {reasonLabels?.[`${reason.system}|${reason.code}`] ??
                    reasonLabels?.[reason.code] ??
                    reason.display}
                </td>
                <td className="dlb-dashboard__number">
                  <span className="dlb-dashboard__bar" aria-hidden="true">
                    <span style={{ width: `${(reason.count / max) * 100}%` }} />
                  </span>
                  {format.integer(reason.count)}
                </td>
                <td className="dlb-dashboard__number">
                  {percentOf(format, result.decisions > 0 ? reason.count / result.decisions : null, 1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/**
 * The distribution of the time from opening to finalizing, in seconds.
 *
 * @example
 * <OverrideDashboardDecisionTimes result={result} />
 */
export function OverrideDashboardDecisionTimes({
  result,
  locale = 'de',
  headingLevel = 3,
  chartWidth,
  showTables,
}: DashboardPartProps) {
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const times = result.decisionTimeMs;
  const seconds = (ms: number | null) =>
    ms === null ? MISSING : `${format.number(ms / 1000, { maximumFractionDigits: 0 })} s`;
  const last = times.histogram[times.histogram.length - 1];
  return (
    <Section
      name="times"
      heading={messages.timesHeading}
      level={headingLevel}
      definition={[
        fillTemplate(messages.timesDefinition, {
          p50: seconds(times.p50),
          p90: seconds(times.p90),
          mean: seconds(times.mean),
        }),
        last?.overflow ? fillTemplate(messages.timesOverflow, { from: seconds(last.x0) }) : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <Histogram
        locale={locale}
        title={messages.timesHeading}
        bins={times.histogram.map((bin) => ({ x0: bin.x0 / 1000, x1: bin.x1 / 1000, count: bin.count }))}
        valueFormat={{ maximumFractionDigits: 0 }}
        messages={{ xAxisLabel: messages.timesAxis }}
        width={chartWidth}
        showTable={showTables}
      />
    </Section>
  );
}

/**
 * How often each explanation panel was opened, as a share of finalized decisions.
 *
 * @example
 * <OverrideDashboardExplanations result={result} locale="en" />
 */
export function OverrideDashboardExplanations({
  result,
  locale = 'de',
  headingLevel = 3,
}: DashboardPartProps) {
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const rows = [...result.explanations].sort((a, b) => (b.share?.k ?? 0) - (a.share?.k ?? 0));
  return (
    <Section
      name="explanations"
      heading={messages.explanationsHeading}
      level={headingLevel}
      definition={messages.explanationsDefinition}
    >
      {rows.length === 0 ? (
        <p className="dlb-dashboard__empty">{messages.noExplanations}</p>
      ) : (
        <table className="dlb-dashboard__table">
          <caption className="dlb-visually-hidden">{messages.explanationsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{messages.columnPanel}</th>
              <th scope="col">{messages.columnShare}</th>
              <th scope="col">{messages.columnInterval}</th>
              <th scope="col">{messages.columnCount}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.panel}>
                <th scope="row">
                  <code>{row.panel}</code>
                </th>
                <td className="dlb-dashboard__number">
                  <span className="dlb-dashboard__bar" aria-hidden="true">
                    <span style={{ width: `${(row.share?.rate ?? 0) * 100}%` }} />
                  </span>
                  {percentOf(format, row.share?.rate, 1)}
                </td>
                <td className="dlb-dashboard__number">{intervalText(messages, format, row.share)}</td>
                <td className="dlb-dashboard__number">{countText(messages, format, row.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

/** Props of `OverrideDashboard`. */
export interface OverrideDashboardProps extends Omit<DashboardPartProps, 'headingLevel'> {
  /**
   * Level of the dashboard's title; the parts' headings are one level below.
   * @default 2
   */
  headingLevel?: 1 | 2 | 3 | 4 | undefined;
  /**
   * The dashboard's title.
   * @default the locale's "Reliance on AI recommendations"
   */
  title?: string | undefined;
  /**
   * Extra class on the root.
   * @default undefined
   */
  className?: string | undefined;
  /**
   * Which parts to show, in order.
   * @default all: summary, reliability, confidence, over-time, reasons, times, explanations
   */
  parts?: readonly DashboardPart[] | undefined;
}

/** The parts of the dashboard. */
export type DashboardPart =
  'summary' | 'reliability' | 'confidence' | 'over-time' | 'reasons' | 'times' | 'explanations';

/** Every part, in the default order. */
export const DASHBOARD_PARTS: readonly DashboardPart[] = [
  'summary',
  'reliability',
  'confidence',
  'over-time',
  'reasons',
  'times',
  'explanations',
];

const PART_COMPONENTS: Record<DashboardPart, (props: DashboardPartProps) => ReactNode> = {
  summary: OverrideDashboardSummary,
  reliability: OverrideDashboardReliability,
  confidence: OverrideDashboardConfidenceBins,
  'over-time': OverrideDashboardOverTime,
  reasons: OverrideDashboardReasons,
  times: OverrideDashboardDecisionTimes,
  explanations: OverrideDashboardExplanations,
};

/**
 * The evaluator dashboard: do people rely on the AI appropriately, where not, and did a change of
 * model or screen make it better? Takes a metrics result of the pure engine; renders the summary
 * tiles, reliability diagram, override rate by confidence, rates over time, reason codes,
 * decision times and explanation use. `data-state="empty"` on the root when there are no
 * finalized decisions.
 *
 * @example
 * const result = metricsFromEvents(events);
 * <OverrideDashboard result={result} locale="de" />
 */
export function OverrideDashboard(props: OverrideDashboardProps) {
  const locale = props.locale ?? 'de';
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const level = props.headingLevel ?? 2;
  const titleId = useSectionId('dashboard');
  const parts = props.parts ?? DASHBOARD_PARTS;
  const empty = props.result.decisions === 0;
  return (
    <section
      className={['dlb-dashboard', props.className].filter(Boolean).join(' ')}
      lang={locale}
      aria-labelledby={titleId}
      data-state={empty ? 'empty' : 'ready'}
    >
      <Heading level={level as HeadingLevel} id={titleId}>
        {props.title ?? messages.title}
      </Heading>
      <p className="dlb-dashboard__subtitle">
        {fillTemplate(messages.subtitle, {
          decisions: format.integer(props.result.decisions),
          truth: format.integer(props.result.activity.withTruth),
        })}
      </p>
      {empty ? (
        <p className="dlb-dashboard__empty">{messages.noData}</p>
      ) : (
        parts.map((part) => {
          const Part = PART_COMPONENTS[part];
          return (
            <Part
              key={part}
              result={props.result}
              locale={locale}
              headingLevel={(level + 1) as HeadingLevel}
              chartWidth={props.chartWidth}
              showTables={props.showTables}
              reasonLabels={props.reasonLabels}
            />
          );
        })
      )}
    </section>
  );
}
