import { formatIssuePath, type Recommendation } from '@deliberate/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { explanationMessages } from '../messages/explanation.ts';
import {
  hasData,
  type ExplanationData,
  type ExplanationPanelName,
  type PanelIssue,
  type PanelSlice,
} from './explanation-data.ts';

/*
 * What every panel view shares: its props, the frame that says what could not be read before
 * showing the rest, and a table container that scrolls sideways in a narrow column.
 */

/** Level of the headings inside a panel. */
export type PanelHeadingLevel = 3 | 4 | 5 | 6;

export interface PanelViewProps {
  panel: ExplanationPanelName;
  data: ExplanationData;
  recommendation: Recommendation | null;
  /** Level of headings inside the panel. */
  headingLevel: PanelHeadingLevel;
  /** Show the charts' table twins on screen as well. */
  showTables: boolean;
}

/**
 * A table in a column that may be narrower than the table: it scrolls sideways (data tables
 * cannot reflow, WCAG 1.4.10), and only while it actually overflows is it a named region with a
 * tab stop, so that keyboard users can scroll it and nobody gets a useless tab stop otherwise.
 */
export function TableScroller({ label, children }: { label: string; children: ReactNode }) {
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

/** Says what could not be read, then renders the slice's data (when there is any). */
export function SliceFrame<D>({
  slice,
  children,
}: {
  slice: PanelSlice<D>;
  children: (data: D) => ReactNode;
}) {
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
