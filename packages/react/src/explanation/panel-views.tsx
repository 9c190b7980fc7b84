import { AttributionChart, createFormatter, ReliabilityDiagram, wilsonInterval } from '@deliberate/charts';
import {
  formatIssuePath,
  type Counterfactual,
  type Evidence,
  type Factors,
  type Recommendation,
  type SimilarCase,
} from '@deliberate/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import type { Translator } from '../i18n/translator.ts';
import { explanationMessages, type Locale } from '../messages/index.ts';
import { capModelText, isolateText, MODEL_TEXT_CAPS, modelString } from '../utils/model-text.ts';
import { interpolate, ModelText, ShortenedNotice } from '../utils/model-text-view.tsx';
import { ExternalLink, SafeMarkdown, safeHref } from './safe-markdown.tsx';
import {
  hasData,
  type ExplanationData,
  type ExplanationPanelName,
  type ModelPanelData,
  type PanelIssue,
  type PanelSlice,
} from './validate.ts';

/*
 * What each panel shows. Designed for checking, not persuading (docs/research.md §2, Vasconcelos et
 * al. 2023): sources with links before model internals; counter-evidence with the same weight as
 * evidence; the cases that went the other way; what could change the outcome and who could
 * change it; and, for the model's own numbers, what they do not say. Every string comes from
 * `messages/explanation.ts`; every number goes through Intl. Text from the payload is rendered
 * as text (quotations, verbatim) or through `SafeMarkdown` (summaries, the model card), never
 * as HTML; it is capped for display (`MODEL_TEXT_CAPS`, with a "shortened" notice) and isolated:
 * in its own `<bdi>` or `dir="auto"` element, or, inside a string (a chart label, an option in a
 * sentence), with its bidi controls removed (`modelString`).
 */

type T = Translator['t'];
type HeadingLevel = 3 | 4 | 5 | 6;
const HEADINGS = { 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

export interface PanelViewProps {
  panel: ExplanationPanelName;
  data: ExplanationData;
  recommendation: Recommendation | null;
  /** Level of headings inside the panel. */
  headingLevel: HeadingLevel;
  /** Show the charts' table twins on screen as well. */
  showTables: boolean;
}

/* -------------------------------------------------------------------------------------------------
 * Shared helpers
 * -----------------------------------------------------------------------------------------------*/

function localeOf(locale: string): Locale {
  return locale === 'en' ? 'en' : 'de';
}

/** An option id in the person's language, or the text as given; capped and isolated. */
function optionLabel(rec: Recommendation | null, id: string, locale: Locale): string {
  if (!rec || rec.kind === 'numeric') return modelString(id, 'label');
  const option = rec.options.find((o) => o.id === id || o.label === id);
  if (!option) return modelString(id, 'label');
  return modelString(option.labels?.[locale] ?? option.label, 'label');
}

function sameAsRecommendation(rec: Recommendation | null, decision: string): boolean | null {
  if (!rec || rec.kind === 'numeric') return null;
  const option = rec.options.find((o) => o.id === decision || o.label === decision);
  if (!option) return null;
  return option.id === rec.recommended;
}

function valueText(value: string | number | boolean, t: T, locale: Locale): string {
  if (typeof value === 'boolean') return t(value ? 'explanation.value.yes' : 'explanation.value.no');
  if (typeof value === 'number') return createFormatter(locale).number(value);
  return modelString(value, 'label');
}

function dateText(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}/.test(iso) || Number.isNaN(date.getTime())) return iso;
  // Date-only ISO strings are UTC midnight; format in UTC so the day does not shift.
  return createFormatter(locale).date(date, { dateStyle: 'medium', timeZone: 'UTC' });
}

/**
 * A table in a column that may be narrower than the table: it scrolls sideways (data tables
 * cannot reflow, WCAG 1.4.10), and only while it actually overflows is it a named region with a
 * tab stop, so that keyboard users can scroll it and nobody gets a useless tab stop otherwise.
 */
function TableScroller({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // The observer reports once on observe, then on every size change of the box or the table.
    const observer = new ResizeObserver(() => setOverflowing(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const scrollProps = overflowing ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
  return (
    <div
      ref={ref}
      className="dlb-explanation__table-wrap"
      data-overflowing={overflowing ? 'true' : undefined}
      {...scrollProps}
    >
      {children}
    </div>
  );
}

const MAX_ISSUES_SHOWN = 8;

/**
 * "This explanation is incomplete: …" with what could not be read, in words and as a path for
 * technical staff. Shown inside the panel it concerns; the rest of the screen works as usual.
 */
export function IncompleteNotice({
  issues,
  nothingUsable,
}: {
  issues: readonly PanelIssue[];
  nothingUsable: boolean;
}) {
  const { t } = useI18n(explanationMessages);
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  const more = issues.length - shown.length;
  return (
    <div className="dlb-explanation__incomplete" data-state={nothingUsable ? 'invalid' : 'partial'}>
      <p>{t(nothingUsable ? 'explanation.incomplete.nothing' : 'explanation.incomplete.partial')}</p>
      <ul>
        {shown.map((issue, index) => (
          <li key={index}>
            {issue.path.length > 0 ? (
              <>
                <code>{formatIssuePath(issue.path)}</code>:{' '}
              </>
            ) : null}
            {t(`explanation.issue.${issue.kind}`)}
          </li>
        ))}
        {more > 0 ? <li>{t('explanation.incomplete.more', { count: more })}</li> : null}
      </ul>
    </div>
  );
}

function SliceFrame<D>({ slice, children }: { slice: PanelSlice<D>; children: (data: D) => ReactNode }) {
  if (slice.status === 'absent') return null;
  return (
    <>
      {slice.status === 'invalid' || slice.status === 'partial' ? (
        <IncompleteNotice issues={slice.issues} nothingUsable={slice.status === 'invalid'} />
      ) : null}
      {hasData(slice) ? children(slice.data) : null}
    </>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Summaries for the triggers
 * -----------------------------------------------------------------------------------------------*/

/**
 * The short text after a panel's name in its trigger ("3 for, 2 against"), so that a person sees
 * what is inside before opening it, and a screen reader hears it in the button's name.
 */
export function panelSummary(
  panel: ExplanationPanelName,
  data: ExplanationData,
  rec: Recommendation | null,
  translator: Translator,
): string {
  const { t, plural } = translator;
  const base = ((): string => {
    switch (panel) {
      case 'evidence': {
        const slice = data.evidence;
        if (!hasData(slice)) return '';
        const supports = slice.data.filter((e) => e.stance === 'supports').length;
        return t('explanation.evidence.summary', {
          supports,
          contradicts: slice.data.length - supports,
        });
      }
      case 'counterfactuals': {
        const slice = data.counterfactuals;
        return hasData(slice) ? plural('explanation.counterfactuals.summary', slice.data.length) : '';
      }
      case 'similar-cases': {
        const slice = data['similar-cases'];
        if (!hasData(slice)) return '';
        const other = slice.data.filter(
          (c) => c.decision !== undefined && sameAsRecommendation(rec, c.decision) === false,
        ).length;
        return plural('explanation.similar.summary', slice.data.length, { other });
      }
      case 'factors': {
        const slice = data.factors;
        return hasData(slice) ? plural('explanation.factors.summary', slice.data.items.length) : '';
      }
      case 'detail':
        return '';
      case 'model':
        return hasData(data.model) ? t('explanation.model.summary') : '';
    }
  })();
  const slice = data[panel];
  const incomplete = slice.status === 'partial' || slice.status === 'invalid';
  if (!incomplete) return base;
  return base === ''
    ? t('explanation.trigger.incomplete')
    : `${base} · ${t('explanation.trigger.incomplete')}`;
}

/* -------------------------------------------------------------------------------------------------
 * Evidence
 * -----------------------------------------------------------------------------------------------*/

function sourceText(evidence: Evidence, t: T, locale: Locale): string {
  const parts = [modelString(evidence.source.document, 'name')];
  if (evidence.source.page !== undefined)
    parts.push(
      t('explanation.evidence.page', { page: createFormatter(locale).integer(evidence.source.page) }),
    );
  if (evidence.source.paragraph) parts.push(modelString(evidence.source.paragraph, 'name'));
  if (evidence.span && evidence.span.end >= evidence.span.start) {
    const f = createFormatter(locale);
    parts.push(
      t('explanation.evidence.span', {
        start: f.integer(evidence.span.start),
        end: f.integer(evidence.span.end),
      }),
    );
  }
  return parts.join(', ');
}

function EvidenceCard({ evidence }: { evidence: Evidence }) {
  const { t, locale } = useI18n(explanationMessages);
  const href = safeHref(evidence.source.url);
  return (
    <li className="dlb-evidence__item" data-stance={evidence.stance}>
      <figure className="dlb-evidence__figure">
        <p className="dlb-evidence__stance">
          {t(evidence.stance === 'supports' ? 'explanation.evidence.for' : 'explanation.evidence.against')}
        </p>
        {/* Verbatim: a quotation is checked by comparing it with its source, so it is never reformatted. */}
        <blockquote className="dlb-evidence__quote" dir="auto">
          <ModelText text={evidence.quote} kind="text" />
        </blockquote>
        <figcaption className="dlb-evidence__source">
          <span>
            {t('explanation.evidence.source', { source: sourceText(evidence, t, localeOf(locale)) })}
          </span>
          {href ? (
            <>
              {' '}
              <ExternalLink href={href}>{t('explanation.evidence.open')}</ExternalLink>
            </>
          ) : evidence.source.url !== undefined ? (
            <>
              {' '}
              <span className="dlb-markdown__removed">({t('explanation.link.removed')})</span>
            </>
          ) : null}
        </figcaption>
      </figure>
    </li>
  );
}

function EvidenceColumn({
  stance,
  items,
  level,
}: {
  stance: Evidence['stance'];
  items: readonly Evidence[];
  level: HeadingLevel;
}) {
  const { t } = useI18n(explanationMessages);
  const id = useId();
  const H = HEADINGS[level];
  const supports = stance === 'supports';
  return (
    <div className="dlb-evidence__column" data-stance={stance}>
      <H id={id} className="dlb-explanation__subheading">
        {t(supports ? 'explanation.evidence.forHeading' : 'explanation.evidence.againstHeading', {
          count: items.length,
        })}
      </H>
      {items.length > 0 ? (
        <ul className="dlb-evidence__list" aria-labelledby={id}>
          {items.map((evidence, index) => (
            // Ids come from the payload and may repeat; the index keeps keys unique.
            <EvidenceCard key={`${evidence.id}-${index}`} evidence={evidence} />
          ))}
        </ul>
      ) : (
        <p className="dlb-evidence__empty">
          {t(supports ? 'explanation.evidence.noneFor' : 'explanation.evidence.noneAgainst')}
        </p>
      )}
    </div>
  );
}

function EvidenceView({ data, headingLevel }: PanelViewProps) {
  const { t } = useI18n(explanationMessages);
  return (
    <SliceFrame slice={data.evidence}>
      {(items) => (
        <>
          <p className="dlb-explanation__lead">{t('explanation.evidence.lead')}</p>
          {/* Two equal columns in the same typography: counter-evidence weighs as much as evidence. */}
          <div className="dlb-evidence__columns">
            <EvidenceColumn
              stance="supports"
              items={items.filter((e) => e.stance === 'supports')}
              level={headingLevel}
            />
            <EvidenceColumn
              stance="contradicts"
              items={items.filter((e) => e.stance === 'contradicts')}
              level={headingLevel}
            />
          </div>
        </>
      )}
    </SliceFrame>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Counterfactuals
 * -----------------------------------------------------------------------------------------------*/

function CounterfactualItem({ item, rec }: { item: Counterfactual; rec: Recommendation | null }) {
  const { t, locale: raw } = useI18n(explanationMessages);
  const locale = localeOf(raw);
  const by = item.actionableBy ?? 'unknown';
  return (
    <li className="dlb-counterfactual" data-actionable={by}>
      <p className="dlb-counterfactual__outcome">
        {t('explanation.counterfactuals.outcome', { outcome: optionLabel(rec, item.outcome, locale) })}
      </p>
      <ul className="dlb-counterfactual__changes">
        {item.changes.map((change, index) => (
          <li key={`${change.feature}-${index}`}>
            {interpolate(t('explanation.counterfactuals.change'), {
              label: <ModelText text={change.label} kind="label" />,
              from: <bdi>{valueText(change.from, t, locale)}</bdi>,
              to: <bdi>{valueText(change.to, t, locale)}</bdi>,
            })}
          </li>
        ))}
      </ul>
      <p className="dlb-counterfactual__actionable">{t(`explanation.counterfactuals.actionable.${by}`)}</p>
    </li>
  );
}

function CounterfactualsView({ data, recommendation }: PanelViewProps) {
  const { t } = useI18n(explanationMessages);
  return (
    <SliceFrame slice={data.counterfactuals}>
      {(items) => (
        <>
          <p className="dlb-explanation__lead">{t('explanation.counterfactuals.lead')}</p>
          <ol className="dlb-counterfactuals">
            {items.map((item, index) => (
              <CounterfactualItem key={`${item.id}-${index}`} item={item} rec={recommendation} />
            ))}
          </ol>
        </>
      )}
    </SliceFrame>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Similar cases
 * -----------------------------------------------------------------------------------------------*/

function SimilarCasesTable({ cases, rec }: { cases: readonly SimilarCase[]; rec: Recommendation | null }) {
  const translator = useI18n(explanationMessages);
  const { t, plural } = translator;
  const locale = localeOf(translator.locale);
  const f = createFormatter(locale);
  const sorted = [...cases].sort((a, b) => b.similarity - a.similarity);
  const agreement = (c: SimilarCase) =>
    c.decision === undefined ? null : sameAsRecommendation(rec, c.decision);
  const other = sorted.filter((c) => agreement(c) === false).length;
  const same = sorted.filter((c) => agreement(c) === true).length;
  const known = other + same;
  return (
    <>
      <p className="dlb-explanation__lead">
        {plural('explanation.similar.lead', sorted.length, { same, other })}
      </p>
      {known > 0 && other === 0 ? (
        <p className="dlb-explanation__caution">{t('explanation.similar.noneOther')}</p>
      ) : null}
      <TableScroller label={t('explanation.similar.caption')}>
        <table className="dlb-explanation__table dlb-similar">
          <caption>{t('explanation.similar.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explanation.similar.case')}</th>
              <th scope="col">{t('explanation.similar.similarity')}</th>
              <th scope="col">{t('explanation.similar.summaryColumn')}</th>
              <th scope="col">{t('explanation.similar.decision')}</th>
              <th scope="col">{t('explanation.similar.compared')}</th>
              <th scope="col">{t('explanation.similar.truth')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c, index) => {
              const a = agreement(c);
              const state = a === null ? 'unknown' : a ? 'same' : 'other';
              return (
                <tr key={`${c.id}-${index}`} data-agreement={state}>
                  <th scope="row">
                    <ModelText text={c.id} kind="label" />
                  </th>
                  <td>{f.percent(c.similarity)}</td>
                  <td>
                    {c.summary ? (
                      <SafeMarkdown headings={false} maxLength={MODEL_TEXT_CAPS.text}>
                        {c.summary}
                      </SafeMarkdown>
                    ) : (
                      t('explanation.value.notGiven')
                    )}
                  </td>
                  <td>
                    {c.decision ? optionLabel(rec, c.decision, locale) : t('explanation.value.notGiven')}
                  </td>
                  <td>{t(`explanation.similar.agreement.${state}`)}</td>
                  <td>
                    {c.truth ? optionLabel(rec, c.truth, locale) : t('explanation.similar.truthUnknown')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}

function SimilarCasesView({ data, recommendation }: PanelViewProps) {
  return (
    <SliceFrame slice={data['similar-cases']}>
      {(cases) => <SimilarCasesTable cases={cases} rec={recommendation} />}
    </SliceFrame>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Factors
 * -----------------------------------------------------------------------------------------------*/

const TOP = 3;
const SIGNED: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

function FactorWords({ factors }: { factors: Factors }) {
  const { t, locale: raw } = useI18n(explanationMessages);
  const f = createFormatter(localeOf(raw));
  const named = (list: typeof factors.items) =>
    list
      .map((item) =>
        t('explanation.factors.item', {
          label: modelString(item.label, 'label'),
          contribution: f.signed(item.contribution, SIGNED),
        }),
      )
      .join(', ');
  // Float noise (1e-17) is not a direction.
  const epsilon = 1e-9;
  const raising = factors.items
    .filter((i) => i.contribution > epsilon)
    .sort((a, b) => b.contribution - a.contribution);
  const lowering = factors.items
    .filter((i) => i.contribution < -epsilon)
    .sort((a, b) => a.contribution - b.contribution);
  if (factors.items.length > 0 && raising.length === 0 && lowering.length === 0) {
    return <p className="dlb-factors__words">{t('explanation.factors.allZero')}</p>;
  }
  return (
    <ul className="dlb-factors__words">
      <li>
        {lowering.length > 0
          ? t('explanation.factors.lowered', { factors: named(lowering.slice(0, TOP)) })
          : t('explanation.factors.loweredNone')}
      </li>
      <li>
        {raising.length > 0
          ? t('explanation.factors.raised', { factors: named(raising.slice(0, TOP)) })
          : t('explanation.factors.raisedNone')}
      </li>
    </ul>
  );
}

/** One "shortened" notice per factor name that was cut, naming the cut name. */
function ShortenedFactorNames({ factors }: { factors: Factors }) {
  const shortened = factors.items
    .map((item) => ({ id: item.id, capped: capModelText(item.label, 'label') }))
    .filter(({ capped }) => capped.shortened);
  if (shortened.length === 0) return null;
  return (
    <ul className="dlb-factors__shortened">
      {shortened.map(({ id, capped }, index) => (
        <li key={`${id}-${index}`}>
          <bdi>{isolateText(capped.text)}</bdi>
          <ShortenedNotice capped={capped} />
        </li>
      ))}
    </ul>
  );
}

function FactorsView({ data, showTables }: PanelViewProps) {
  const { t, locale: raw } = useI18n(explanationMessages);
  const locale = localeOf(raw);
  return (
    <SliceFrame slice={data.factors}>
      {(factors) => (
        <>
          {factors.scale ? (
            <p className="dlb-explanation__lead">
              {interpolate(t('explanation.factors.scale'), {
                scale: <ModelText text={factors.scale} kind="label" />,
              })}
            </p>
          ) : null}
          {factors.items.length > 0 ? (
            <FactorWords factors={factors} />
          ) : (
            <p className="dlb-factors__words">{t('explanation.factors.none')}</p>
          )}
          <ShortenedFactorNames factors={factors} />
          <p className="dlb-explanation__caution">{t('explanation.factors.caution')}</p>
          {/* Labels capped and isolated here: the chart shows each one twice (bar and table). */}
          <AttributionChart
            locale={locale}
            title={t('explanation.factors.chartTitle')}
            baseValue={factors.baseValue}
            prediction={factors.prediction}
            showTable={showTables}
            factors={factors.items.map((item) => ({
              id: item.id,
              label: modelString(item.label, 'label'),
              contribution: item.contribution,
              ...(item.value === undefined
                ? {}
                : { value: typeof item.value === 'boolean' ? valueText(item.value, t, locale) : item.value }),
            }))}
          />
        </>
      )}
    </SliceFrame>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Detail (the AI system's own text)
 * -----------------------------------------------------------------------------------------------*/

function DetailView({ data, headingLevel }: PanelViewProps) {
  const { t } = useI18n(explanationMessages);
  return (
    <SliceFrame slice={data.detail}>
      {(text) => (
        <>
          <p className="dlb-explanation__caution">{t('explanation.detail.lead')}</p>
          <SafeMarkdown headingLevel={headingLevel} maxLength={MODEL_TEXT_CAPS.markdown}>
            {text}
          </SafeMarkdown>
        </>
      )}
    </SliceFrame>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Model facts
 * -----------------------------------------------------------------------------------------------*/

/** Below this many cases a subgroup's accuracy is flagged as unreliable. */
const FEW_CASES = 30;

function SubgroupTable({ rows }: { rows: NonNullable<NonNullable<ModelPanelData['facts']>['subgroups']> }) {
  const { t, locale: raw } = useI18n(explanationMessages);
  const f = createFormatter(localeOf(raw));
  return (
    <TableScroller label={t('explanation.model.subgroups')}>
      <table className="dlb-explanation__table dlb-subgroups">
        <caption>{t('explanation.model.subgroups')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('explanation.model.group')}</th>
            <th scope="col">{t('explanation.model.cases')}</th>
            <th scope="col">{t('explanation.model.accuracy')}</th>
            <th scope="col">{t('explanation.model.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const interval = wilsonInterval(row.accuracy, row.n);
            return (
              <tr key={`${row.name}-${index}`} data-few={row.n < FEW_CASES ? 'true' : undefined}>
                <th scope="row">
                  <ModelText text={row.name} kind="label" />
                </th>
                <td>{f.integer(row.n)}</td>
                <td>
                  {row.n === 0 ? '–' : f.percent(row.accuracy)}
                  {row.n > 0 && row.n < FEW_CASES ? (
                    <span className="dlb-subgroups__few"> ({t('explanation.model.fewCases')})</span>
                  ) : null}
                </td>
                <td>
                  {interval
                    ? t('explanation.model.range', { lo: f.percent(interval.lo), hi: f.percent(interval.hi) })
                    : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}

function TextList({ items, label }: { items: readonly string[]; label: string }) {
  const id = useId();
  return (
    <>
      <p id={id} className="dlb-explanation__label">
        {label}
      </p>
      <ul className="dlb-model__list" aria-labelledby={id}>
        {items.map((item, index) => (
          <li key={index}>
            <SafeMarkdown headings={false} maxLength={MODEL_TEXT_CAPS.text}>
              {item}
            </SafeMarkdown>
          </li>
        ))}
      </ul>
    </>
  );
}

function ModelFactsView({ data, showTables, headingLevel }: PanelViewProps) {
  const { t, locale: raw } = useI18n(explanationMessages);
  const locale = localeOf(raw);
  const f = createFormatter(locale);
  const H = HEADINGS[headingLevel];
  return (
    <SliceFrame slice={data.model}>
      {(model) => {
        const facts = model.facts ?? {};
        const identity = model.identity;
        return (
          <>
            <p className="dlb-explanation__lead">{t('explanation.model.lead')}</p>
            <dl className="dlb-model__facts">
              <div>
                <dt>{t('explanation.model.system')}</dt>
                <dd>
                  {identity
                    ? interpolate(
                        t(identity.name ? 'explanation.model.named' : 'explanation.model.unnamed'),
                        {
                          name: <ModelText text={identity.name} kind="name" />,
                          id: <ModelText text={identity.id} kind="name" />,
                          version: <ModelText text={identity.version} kind="name" />,
                        },
                      )
                    : t('explanation.value.notGiven')}
                </dd>
              </div>
              <div>
                <dt>{t('explanation.model.dataDate')}</dt>
                <dd>
                  {facts.trainingDataDate
                    ? dateText(facts.trainingDataDate, locale)
                    : t('explanation.value.notGiven')}
                </dd>
              </div>
              <div>
                <dt>{t('explanation.model.intendedUse')}</dt>
                <dd>
                  {facts.intendedUse ? (
                    <SafeMarkdown headings={false} maxLength={MODEL_TEXT_CAPS.text}>
                      {facts.intendedUse}
                    </SafeMarkdown>
                  ) : (
                    t('explanation.value.notGiven')
                  )}
                </dd>
              </div>
              {facts.overallAccuracy !== undefined ? (
                <div>
                  <dt>{t('explanation.model.overall')}</dt>
                  <dd>{f.percent(facts.overallAccuracy)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('explanation.model.calibration')}</dt>
                <dd>
                  {model.calibrated === true
                    ? [
                        model.calibrationDate
                          ? t('explanation.model.calibratedOn', {
                              date: dateText(model.calibrationDate, locale),
                            })
                          : t('explanation.model.calibrated'),
                        model.calibrationDataset
                          ? t('explanation.model.dataset', {
                              dataset: modelString(model.calibrationDataset, 'name'),
                            })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' ')
                    : model.calibrated === false
                      ? t('explanation.model.uncalibrated')
                      : t('explanation.value.notGiven')}
                </dd>
              </div>
            </dl>
            {facts.limitations && facts.limitations.length > 0 ? (
              <TextList items={facts.limitations} label={t('explanation.model.limitations')} />
            ) : (
              <p className="dlb-explanation__caution">{t('explanation.model.noLimitations')}</p>
            )}
            {facts.failureModes && facts.failureModes.length > 0 ? (
              <TextList items={facts.failureModes} label={t('explanation.model.failureModes')} />
            ) : null}
            {facts.subgroups && facts.subgroups.length > 0 ? <SubgroupTable rows={facts.subgroups} /> : null}
            {model.bins && model.bins.length > 0 ? (
              <>
                <H className="dlb-explanation__subheading">{t('explanation.model.reliabilityHeading')}</H>
                <p>{t('explanation.model.reliabilityLead')}</p>
                <ReliabilityDiagram
                  locale={locale}
                  title={t('explanation.model.reliabilityTitle')}
                  bins={model.bins}
                  showTable={showTables}
                />
              </>
            ) : null}
          </>
        );
      }}
    </SliceFrame>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Dispatch by panel
 * -----------------------------------------------------------------------------------------------*/

/** The default content of a panel. */
export function PanelView(props: PanelViewProps) {
  switch (props.panel) {
    case 'evidence':
      return <EvidenceView {...props} />;
    case 'counterfactuals':
      return <CounterfactualsView {...props} />;
    case 'similar-cases':
      return <SimilarCasesView {...props} />;
    case 'factors':
      return <FactorsView {...props} />;
    case 'detail':
      return <DetailView {...props} />;
    case 'model':
      return <ModelFactsView {...props} />;
  }
}
