import { useI18n } from '../../i18n/context.tsx';
import { explanationMessages } from '../../messages/explanation.ts';
import { MODEL_TEXT_CAPS } from '../../utils/model-text.ts';
import { SliceFrame, type PanelViewProps } from '../panel-frame.tsx';
import { SafeMarkdown } from '../safe-markdown.tsx';

/*
 * The AI system's own text (e.g. a CDS Hooks card's `detail`), as safe markdown, introduced as
 * the system's words.
 */

export function DetailView({ data, headingLevel }: PanelViewProps) {
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
