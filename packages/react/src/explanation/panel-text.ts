import { createFormatter } from '@deliberate/charts';
import type { Evidence, Recommendation, SimilarCase } from '@deliberate/core';
import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../messages/index.ts';
import { modelString } from '../utils/model-text.ts';
import { hasData, type ExplanationData, type ExplanationPanelName } from './explanation-data.ts';

/*
 * The words and numbers of the explanation panels, as plain functions of the data and a
 * translator (no React): option labels in the person's language, values, dates, sources, and the
 * summaries in the panel triggers. Text from the payload is capped and stripped of bidi controls
 * (`modelString`) because it ends up inside our sentences.
 */

type T = Translator['t'];

/** The message locale for the translator's locale (German unless English). */
export function localeOf(locale: string): Locale {
  return locale === 'en' ? 'en' : 'de';
}

/** An option id in the person's language, or the text as given; capped and isolated. */
export function optionLabel(rec: Recommendation | null, id: string, locale: Locale): string {
  if (!rec || rec.kind === 'numeric') return modelString(id, 'label');
  const option = rec.options.find((o) => o.id === id || o.label === id);
  if (!option) return modelString(id, 'label');
  return modelString(option.labels?.[locale] ?? option.label, 'label');
}

/** Whether a decision names the recommended option (`null`: numeric, or not one of the options). */
export function sameAsRecommendation(rec: Recommendation | null, decision: string): boolean | null {
  if (!rec || rec.kind === 'numeric') return null;
  const option = rec.options.find((o) => o.id === decision || o.label === decision);
  if (!option) return null;
  return option.id === rec.recommended;
}

/** A counterfactual's or factor's value in words: yes/no, a localized number, or capped text. */
export function valueText(value: string | number | boolean, t: T, locale: Locale): string {
  if (typeof value === 'boolean') return t(value ? 'explanation.value.yes' : 'explanation.value.no');
  if (typeof value === 'number') return createFormatter(locale).number(value);
  return modelString(value, 'label');
}

/** An ISO date in the person's language, or the text as given when it is not a date. */
export function dateText(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}/.test(iso) || Number.isNaN(date.getTime())) return iso;
  // Date-only ISO strings are UTC midnight; format in UTC so the day does not shift.
  return createFormatter(locale).date(date, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Where a quotation comes from: document, page, paragraph and characters, in one line. */
export function sourceText(evidence: Evidence, t: T, locale: Locale): string {
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

/** Whether a similar case was decided the other way than the AI recommends (`null`: unknown). */
export function similarCaseAgreement(rec: Recommendation | null, c: SimilarCase): boolean | null {
  return c.decision === undefined ? null : sameAsRecommendation(rec, c.decision);
}

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
        const other = slice.data.filter((c) => similarCaseAgreement(rec, c) === false).length;
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
