import { AttributionChart, createFormatter } from '@deliberate/charts';
import type { Factors } from '@deliberate/core';
import { useI18n } from '../../i18n/context.tsx';
import { explanationMessages } from '../../messages/explanation.ts';
import { capModelText, isolateText, modelString } from '../../utils/model-text.ts';
import { interpolate, ModelText, ShortenedNotice } from '../../utils/model-text-view.tsx';
import { SliceFrame, type PanelViewProps } from '../panel-frame.tsx';
import { localeOf, valueText } from '../panel-text.ts';

/*
 * Factors in the model's calculation: in plain words first (what lowered and raised the result),
 * then a caution, then the attribution chart with its table twin.
 */

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

export function FactorsView({ data, showTables }: PanelViewProps) {
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
