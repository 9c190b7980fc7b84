import type { MessageCatalog } from '../shared/messages.ts';

/** Every visible or announced string of `IconArray`. Placeholders: `{name}`. */
export interface IconArrayMessages {
  /** The default title and accessible name. Placeholders: count, total. */
  title: string;
  /** Placeholders: count, total, percent, label, rest, restLabel. */
  summary: string;
  /** When total is 0. */
  summaryEmpty: string;
  instructions: string;
  /** What a filled icon stands for, when the `label` prop is not given. */
  filledLabel: string;
  /** What an empty icon stands for, when the `restLabel` prop is not given. */
  emptyLabel: string;
  /** Accessible name of a group. Placeholders: count, total, label. */
  markLabel: string;
  /** Tooltip heading. Placeholders: count, total, percent. */
  groupHeading: string;
  columnGroup: string;
  columnCount: string;
  columnShare: string;
  totalRow: string;
}

export const iconArrayMessages: MessageCatalog<IconArrayMessages> = {
  de: {
    title: '{count} von {total}',
    summary: '{count} von {total} ({percent}): {label}. {rest} von {total}: {restLabel}.',
    summaryEmpty: 'Keine Fälle.',
    instructions:
      'Mit den Pfeiltasten zwischen den gefüllten und den leeren Symbolen wechseln. Escape blendet den Hinweis aus.',
    filledLabel: 'mit dem Ergebnis',
    emptyLabel: 'ohne das Ergebnis',
    markLabel: '{count} von {total}: {label}',
    groupHeading: '{count} von {total} ({percent})',
    columnGroup: 'Gruppe',
    columnCount: 'Anzahl',
    columnShare: 'Anteil',
    totalRow: 'Gesamt',
  },
  en: {
    title: '{count} of {total}',
    summary: '{count} of {total} ({percent}): {label}. {rest} of {total}: {restLabel}.',
    summaryEmpty: 'No cases.',
    instructions:
      'Use the arrow keys to move between the filled and the empty icons. Escape hides the tooltip.',
    filledLabel: 'with the outcome',
    emptyLabel: 'without the outcome',
    markLabel: '{count} of {total}: {label}',
    groupHeading: '{count} of {total} ({percent})',
    columnGroup: 'Group',
    columnCount: 'Count',
    columnShare: 'Share',
    totalRow: 'Total',
  },
};
