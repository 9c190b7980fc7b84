import { createHash } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { createFormatter, fillTemplate, MISSING } from '@deliberate/charts';
import { dashboardMessages, type DashboardLocale } from '../dashboard/messages.ts';
import {
  OverrideDashboardConfidenceBins,
  OverrideDashboardDecisionTimes,
  OverrideDashboardExplanations,
  OverrideDashboardOverTime,
  OverrideDashboardReasons,
  OverrideDashboardReliability,
  countText,
  intervalText,
  summaryRates,
  type DashboardPartProps,
} from '../dashboard/override-dashboard.tsx';
import type { MetricsReport } from '../types.ts';

/*
 * The HTML report of `deliberate report`: one self-contained file — inline CSS, inline SVG, no
 * script, no external resource — that opens offline, prints, and can be archived with the log it
 * describes. It is the dashboard rendered on the server with react-dom/server, plus a table of
 * every metric with its definition and the data it rests on.
 */

/** Languages of the report. */
export type ReportLocale = DashboardLocale;

/** Options for `renderReportHtml`. */
export interface ReportOptions {
  /**
   * Language.
   * @default 'en'
   */
  lang?: ReportLocale | undefined;
  /**
   * Reason texts by code or `system|code`; codes without one show the text logged with them.
   * @example reasonLabels={{ 'missing-evidence': 'Nachweis fehlt' }}
   */
  reasonLabels?: DashboardPartProps['reasonLabels'];
  /** CSS inlined into the page: the charts' stylesheet and the dashboard's. */
  css: string;
  /**
   * Where the data came from (a file name), shown in the header.
   * @default 'standard input'
   */
  source?: string | undefined;
  /**
   * When the report was made; fixed in tests.
   * @default now
   */
  generatedAt?: Date | undefined;
  /**
   * Chart width in px (the charts scale down on narrow screens).
   * @default 720
   */
  chartWidth?: number | undefined;
}

const REPORT_CSS = `
body { margin: 0; background: #ffffff; color: #1b1f24; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.dlb-report { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.dlb-report > header p { margin: 0.25rem 0; color: #4d5561; }
.dlb-report__metrics { border-collapse: collapse; width: 100%; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
.dlb-report__metrics th, .dlb-report__metrics td { text-align: start; vertical-align: top; padding: 0.375rem 0.75rem 0.375rem 0; border-bottom: 1px solid #c8ccd2; }
.dlb-report__value { white-space: nowrap; }
.dlb-report__value small { display: block; color: #4d5561; }
.dlb-report .dlb-dashboard { padding: 0; margin-top: 1.5rem; }
.dlb-report .dlb-chart__tooltip { display: none; }
.dlb-report .dlb-dashboard__pair { grid-template-columns: 1fr; }
@media print { .dlb-dashboard__section { break-inside: avoid; } }
`;

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The report's Content-Security-Policy: nothing may load (no script, image, font, frame or
 * connection: `default-src 'none'`), only the one `<style>` element (by its hash) and the
 * inline `style` attributes the markup holds (bar widths, each by its hash) may style it.
 *
 * @example
 * reportCsp(styleText, markup); // "default-src 'none'; style-src 'sha256-…' 'unsafe-hashes' …"
 */
export function reportCsp(styleText: string, markup: string): string {
  const attributes = new Set<string>();
  for (const match of markup.matchAll(/\sstyle="([^"]*)"/g)) attributes.add(unescapeAttribute(match[1]!));
  const attributeHashes = [...attributes].sort().map(cspHash);
  const styleSources = [
    cspHash(styleText),
    ...(attributeHashes.length > 0 ? ["'unsafe-hashes'", ...attributeHashes] : []),
  ];
  return [
    "default-src 'none'",
    `style-src ${styleSources.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function escapeStyle(css: string): string {
  // A stylesheet cannot end the <style> element early.
  return css.replace(/<\/style/gi, '<\\/style');
}

/**
 * Renders the report as a complete HTML document.
 *
 * @example
 * const html = renderReportHtml(engine.metrics(), { lang: 'de', css: loadChartsCss() + dashboardCss });
 */
export function renderReportHtml(result: MetricsReport, options: ReportOptions): string {
  const lang = options.lang ?? 'en';
  const messages = dashboardMessages[lang];
  const format = createFormatter(lang);
  const generated = format.date(options.generatedAt ?? new Date(), { dateStyle: 'long', timeStyle: 'short' });
  const chartWidth = options.chartWidth ?? 720;
  const percent = (value: number | null, digits = 1) =>
    value === null ? MISSING : format.percent(value, { maximumFractionDigits: digits });
  const number = (value: number | null) =>
    value === null ? MISSING : format.number(value, { maximumFractionDigits: 3 });
  const { input, activity } = result;
  const m = messages.metrics;

  const body = (
    <main className="dlb-report">
      <header>
        <h1>{messages.report.title}</h1>
        <p>
          {fillTemplate(messages.report.generated, { source: options.source ?? 'standard input', generated })}
        </p>
        <p>{messages.report.privacy}</p>
      </header>
      <section aria-labelledby="dlb-report-input">
        <h2 id="dlb-report-input">{messages.report.inputHeading}</h2>
        <p>
          {fillTemplate(messages.report.input, {
            lines: format.integer(input.lines),
            events: format.integer(input.events),
            duplicates: format.integer(input.duplicates),
            malformed: format.integer(input.malformed.count),
          })}
        </p>
        <p>
          {fillTemplate(messages.report.activity, {
            opened: format.integer(activity.opened),
            abandoned: format.integer(activity.abandoned),
            withoutAi: format.integer(activity.withoutAi),
            noAiArm: format.integer(activity.noAiArm),
            truth: format.integer(activity.withTruth),
            refinalized: format.integer(activity.refinalized),
            stopped: format.integer(activity.aiStopped),
          })}
        </p>
      </section>
      <section aria-labelledby="dlb-report-metrics">
        <h2 id="dlb-report-metrics">{messages.summaryHeading}</h2>
        <table className="dlb-report__metrics">
          <thead>
            <tr>
              <th scope="col">{messages.report.metricColumn}</th>
              <th scope="col">{messages.report.valueColumn}</th>
              <th scope="col">{messages.report.definitionColumn}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{m.decisions.label}</th>
              <td className="dlb-report__value">{format.integer(result.decisions)}</td>
              <td>{m.decisions.definition}</td>
            </tr>
            {summaryRates(result, messages).map(({ key, text, rate }) => (
              <tr key={key}>
                <th scope="row">{text.label}</th>
                <td className="dlb-report__value">
                  {rate ? percent(rate.rate) : messages.notAvailable}
                  <small>{intervalText(messages, format, rate)}</small>
                  <small>{countText(messages, format, rate)}</small>
                </td>
                <td>{text.definition}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{m.complementarity.label}</th>
              <td className="dlb-report__value">
                {result.complementarity === null
                  ? MISSING
                  : fillTemplate(messages.percentagePoints, {
                      value: format.signed(result.complementarity * 100, { maximumFractionDigits: 1 }),
                    })}
              </td>
              <td>{m.complementarity.definition}</td>
            </tr>
            <tr>
              <th scope="row">{m.ece.label}</th>
              <td className="dlb-report__value">
                {number(result.calibration.ece)}
                <small>n = {format.integer(result.calibration.n)}</small>
              </td>
              <td>{m.ece.definition}</td>
            </tr>
            <tr>
              <th scope="row">{m.weightOfAdvice.label}</th>
              <td className="dlb-report__value">
                {number(result.weightOfAdvice.mean)}
                <small>n = {format.integer(result.weightOfAdvice.n)}</small>
              </td>
              <td>{m.weightOfAdvice.definition}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <div className="dlb-dashboard">
        <OverrideDashboardReliability
          result={result}
          locale={lang}
          headingLevel={2}
          chartWidth={chartWidth}
          showTables
        />
        <OverrideDashboardConfidenceBins
          result={result}
          locale={lang}
          headingLevel={2}
          chartWidth={chartWidth}
          showTables
        />
        <OverrideDashboardOverTime result={result} locale={lang} headingLevel={2} chartWidth={chartWidth} />
        <OverrideDashboardReasons
          result={result}
          locale={lang}
          headingLevel={2}
          reasonLabels={options.reasonLabels}
        />
        <OverrideDashboardDecisionTimes
          result={result}
          locale={lang}
          headingLevel={2}
          chartWidth={chartWidth}
        />
        <OverrideDashboardExplanations result={result} locale={lang} headingLevel={2} />
      </div>
    </main>
  );

  const markup = renderToStaticMarkup(body);
  const css = escapeStyle(options.css + REPORT_CSS);
  const styleText = `\n${css}\n`;
  return `<!doctype html>
<html lang="${lang}" data-theme="light">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(styleText, markup)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${messages.report.title}</title>
<style>${styleText}</style>
</head>
<body>
${markup}
</body>
</html>
`;
}
