import {
  formatIssuePath,
  type Recommendation as RecommendationModel,
  type RecommendationIssue,
} from '@deliberate/core';
import type { ReactNode } from 'react';
import { ConfidenceDisplay } from '../confidence/confidence-display.tsx';
import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../messages/index.ts';
import { interpolate, ModelText } from '../utils/model-text-view.tsx';
import { formatDate, issueCodes, issueText } from './recommendation-model.ts';
import type { UseRecommendationResult } from './use-recommendation.ts';

/*
 * The `Recommendation`'s bodies that hold model text (isolated and capped by `ModelText`) or a
 * table: the revealed recommendation with the model's identity and calibration, and the invalid
 * state.
 */

/** The model's name, id and version: model text, each isolated and capped inside our sentence. */
export function modelText(rec: RecommendationModel, t: Translator['t']): ReactNode {
  const model = rec.model;
  if (!model) return t('recommendation.model.unknown');
  const vars = {
    name: <ModelText text={model.name} kind="name" />,
    id: <ModelText text={model.id} kind="name" />,
    version: <ModelText text={model.version} kind="name" />,
  };
  return interpolate(t(model.name ? 'recommendation.model.named' : 'recommendation.model.unnamed'), vars);
}

/** When and on what data the confidence was calibrated, or that it was not. */
export function calibrationText(rec: RecommendationModel, t: Translator['t'], locale: Locale): ReactNode {
  const calibration = rec.calibration;
  if (calibration?.calibrated !== true) return t('recommendation.calibration.no');
  const date = calibration.evaluatedAt ? formatDate(calibration.evaluatedAt, locale) : null;
  const text = date
    ? t('recommendation.calibration.checkedOn', { date })
    : t('recommendation.calibration.checked');
  return calibration.dataset
    ? interpolate(t('recommendation.calibration.dataset'), {
        text,
        dataset: <ModelText text={calibration.dataset} kind="name" />,
      })
    : text;
}

/**
 * The invalid state: one plain sentence per kind of problem in an alert, that the person decides
 * without the AI, and every problem with its path for experts, in a disclosure.
 */
export function InvalidBody({ issues, t }: { issues: readonly RecommendationIssue[]; t: Translator['t'] }) {
  // One plain sentence per kind of problem; every occurrence with its path for experts.
  const codes = issueCodes(issues);
  return (
    <>
      <div role="alert" className="dlb-recommendation__alert">
        <p>{t('recommendation.invalid.body')}</p>
        <ul className="dlb-recommendation__issues">
          {codes.map((code) => (
            <li key={code}>{issueText(code, t)}</li>
          ))}
        </ul>
      </div>
      <p className="dlb-recommendation__reason">{t('recommendation.invalid.decide')}</p>
      <details className="dlb-recommendation__details">
        <summary>{t('recommendation.invalid.details')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recommendation.invalid.where')}</th>
              <th scope="col">{t('recommendation.invalid.code')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              <tr key={index}>
                <td>
                  <code>{formatIssuePath(issue.path)}</code>
                </td>
                <td>
                  <code>{issue.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/**
 * The revealed recommendation: a caution when it is framed as information, the option (or the
 * estimate), the AI's summary, the confidence, and the model's identity and calibration.
 */
export function RevealedBody({
  r,
  t,
  locale,
}: {
  r: UseRecommendationResult;
  t: Translator['t'];
  locale: Locale;
}) {
  const rec = r.recommendation;
  if (!rec || !r.confidence) return null;
  const information = r.framing === 'information';
  const optionLabel =
    rec.kind === 'numeric'
      ? t(information ? 'recommendation.estimate.leaning' : 'recommendation.estimate')
      : t(information ? 'recommendation.leaning' : 'recommendation.recommended');
  return (
    <>
      {information ? (
        <p className="dlb-recommendation__caution">
          {t(rec.confidence === undefined ? 'recommendation.caution.none' : 'recommendation.caution.low')}
        </p>
      ) : null}
      <p className="dlb-recommendation__option">
        <span className="dlb-recommendation__option-label">{optionLabel}</span>{' '}
        <strong className="dlb-recommendation__option-value">
          <ModelText text={r.option} kind="label" />
        </strong>
      </p>
      {rec.summary ? (
        <p className="dlb-recommendation__summary">
          <ModelText text={rec.summary} kind="summary" />
        </p>
      ) : null}
      <ConfidenceDisplay {...r.confidence} />
      <dl className="dlb-recommendation__model">
        <div>
          <dt>{t('recommendation.model.label')}</dt>
          <dd>{modelText(rec, t)}</dd>
        </div>
        <div>
          <dt>{t('recommendation.calibration.label')}</dt>
          <dd>{calibrationText(rec, t, locale)}</dd>
        </div>
      </dl>
    </>
  );
}
