import { Fragment, useMemo, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../i18n/format.ts';
import { cx } from './class-names.ts';
import { capModelText, type CappedText, type ModelTextKind } from './model-text.ts';

/*
 * Model-supplied text in the DOM: in `<bdi>` (so that a bidi control in it cannot reverse or
 * reorder the screen's own text around it), capped for its kind, and followed by a visible
 * notice when it was cut. See `model-text.ts` for the caps and the string-side helpers.
 */

/**
 * "Text shortened (2,000 of 2,000,000 characters)" — visible, and read by screen readers as
 * part of the text it follows. Numbers through Intl.
 */
export function ShortenedNotice({ capped }: { capped: Pick<CappedText, 'shown' | 'total'> }) {
  const { t, locale } = useI18n();
  return (
    <span className="dlb-shortened" data-shortened="true">
      {' '}
      <bdi dir="ltr">
        (
        {t('common.text.shortened', {
          shown: formatNumber(capped.shown, locale),
          total: formatNumber(capped.total, locale),
        })}
        )
      </bdi>
    </span>
  );
}
ShortenedNotice.displayName = 'ShortenedNotice';

export interface ModelTextProps {
  /** The model's text; anything that is not a string renders nothing. */
  text: unknown;
  /** Which cap applies (`MODEL_TEXT_CAPS`). */
  kind: ModelTextKind;
  className?: string;
}

/**
 * Model text as an isolated `<bdi>`, cut to its cap with "…" and a "shortened" notice after it.
 *
 * @example
 * <p><ModelText text={rec.summary} kind="summary" /></p>
 */
export function ModelText({ text, kind, className }: ModelTextProps) {
  const source = typeof text === 'string' ? text : '';
  const capped = useMemo(() => capModelText(source, kind), [source, kind]);
  if (source === '') return null;
  return (
    <>
      <bdi className={cx('dlb-model-text', className)}>{capped.text}</bdi>
      {capped.shortened ? <ShortenedNotice capped={capped} /> : null}
    </>
  );
}
ModelText.displayName = 'ModelText';

/**
 * A message template with React nodes for its placeholders, so that model text can sit inside
 * one of our sentences in its own `<bdi>`: `interpolate(t('…named'), { name: <ModelText … /> })`.
 * `template` is the message as `t(key)` returns it without variables (placeholders intact).
 *
 * @example
 * interpolate('{name} ({id}, version {version})', { name: <ModelText text={model.name} kind="name" />, id, version });
 */
export function interpolate(template: string, vars: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{(\w+)\}/);
  return parts.map((part, index) => {
    if (index % 2 === 0) return part === '' ? null : <Fragment key={index}>{part}</Fragment>;
    return <Fragment key={index}>{part in vars ? vars[part] : `{${part}}`}</Fragment>;
  });
}
