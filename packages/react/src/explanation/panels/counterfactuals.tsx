import type { Counterfactual, Recommendation } from '@deliberate/core';
import { useI18n } from '../../i18n/context.tsx';
import { explanationMessages } from '../../messages/explanation.ts';
import { interpolate, ModelText } from '../../utils/model-text-view.tsx';
import { SliceFrame, type PanelViewProps } from '../panel-frame.tsx';
import { localeOf, optionLabel, valueText } from '../panel-text.ts';

/*
 * Counterfactuals: what would change the outcome, and who could change that.
 */

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

export function CounterfactualsView({ data, recommendation }: PanelViewProps) {
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
