import { createFormatter } from '@deliberate/charts';
import type { Recommendation, SimilarCase } from '@deliberate/core';
import { useI18n } from '../../i18n/context.tsx';
import { explanationMessages } from '../../messages/explanation.ts';
import { MODEL_TEXT_CAPS } from '../../utils/model-text.ts';
import { ModelText } from '../../utils/model-text-view.tsx';
import { SliceFrame, TableScroller, type PanelViewProps } from '../panel-frame.tsx';
import { localeOf, optionLabel, similarCaseAgreement } from '../panel-text.ts';
import { SafeMarkdown } from '../safe-markdown.tsx';

/*
 * Similar cases, most similar first, including those decided the other way.
 */

function SimilarCasesTable({ cases, rec }: { cases: readonly SimilarCase[]; rec: Recommendation | null }) {
  const translator = useI18n(explanationMessages);
  const { t, plural } = translator;
  const locale = localeOf(translator.locale);
  const f = createFormatter(locale);
  const sorted = [...cases].sort((a, b) => b.similarity - a.similarity);
  const agreement = (c: SimilarCase) => similarCaseAgreement(rec, c);
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

export function SimilarCasesView({ data, recommendation }: PanelViewProps) {
  return (
    <SliceFrame slice={data['similar-cases']}>
      {(cases) => <SimilarCasesTable cases={cases} rec={recommendation} />}
    </SliceFrame>
  );
}
