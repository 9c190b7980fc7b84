import { createFormatter, ReliabilityDiagram, wilsonInterval } from '@deliberate/charts';
import { useId } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import { explanationMessages } from '../../messages/explanation.ts';
import { Heading } from '../../utils/heading.tsx';
import { MODEL_TEXT_CAPS, modelString } from '../../utils/model-text.ts';
import { interpolate, ModelText } from '../../utils/model-text-view.tsx';
import type { ModelPanelData } from '../explanation-data.ts';
import { SliceFrame, TableScroller, type PanelViewProps } from '../panel-frame.tsx';
import { dateText, localeOf } from '../panel-text.ts';
import { SafeMarkdown } from '../safe-markdown.tsx';

/*
 * The model's facts: what it is for, its limits and failure modes, accuracy per group with
 * intervals (flagged where few cases back them), and its reliability diagram.
 */

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

export function ModelFactsView({ data, showTables, headingLevel }: PanelViewProps) {
  const { t, locale: raw } = useI18n(explanationMessages);
  const locale = localeOf(raw);
  const f = createFormatter(locale);
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
                <Heading level={headingLevel} className="dlb-explanation__subheading">
                  {t('explanation.model.reliabilityHeading')}
                </Heading>
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
