import type { Evidence } from '@deliberate/core';
import { useId } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import { explanationMessages } from '../../messages/explanation.ts';
import { Heading } from '../../utils/heading.tsx';
import { ModelText } from '../../utils/model-text-view.tsx';
import { SliceFrame, type PanelHeadingLevel, type PanelViewProps } from '../panel-frame.tsx';
import { localeOf, sourceText } from '../panel-text.ts';
import { ExternalLink, safeHref } from '../safe-markdown.tsx';

/*
 * Evidence: quotations from the file and the law that speak for and against the recommendation,
 * in two equal columns, each with its source and a link to it.
 */

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
  level: PanelHeadingLevel;
}) {
  const { t } = useI18n(explanationMessages);
  const id = useId();
  const supports = stance === 'supports';
  return (
    <div className="dlb-evidence__column" data-stance={stance}>
      <Heading level={level} id={id} className="dlb-explanation__subheading">
        {t(supports ? 'explanation.evidence.forHeading' : 'explanation.evidence.againstHeading', {
          count: items.length,
        })}
      </Heading>
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

export function EvidenceView({ data, headingLevel }: PanelViewProps) {
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
