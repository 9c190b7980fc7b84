import type { DeliberateEvent } from '@deliberate/core';

/**
 * The CSV columns, in order. `data` holds the event's data as JSON.
 *
 * @example
 * CSV_COLUMNS.indexOf('caseRef'); // 6
 */
export const CSV_COLUMNS = [
  'schema',
  'id',
  'type',
  'ts',
  'decisionId',
  'procedure',
  'caseRef',
  'actorId',
  'actorRole',
  'modelId',
  'modelVersion',
  'chain',
  'seq',
  'prev',
  'hash',
  'data',
] as const;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a leading `= + - @` (or tab, carriage return) gets a `'` prefix so spreadsheet
 * programs show it as text instead of running it, and the cell is quoted per RFC 4180 when it
 * holds a quote, comma or line break.
 *
 * @example
 * csvCell('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Flattens events into CSV for spreadsheets (RFC 4180: CRLF line ends, a header row). Cells that
 * could run as formulas are defused with a leading `'`, so CSV is for reading; use JSONL to
 * keep events exact (and verifiable).
 *
 * @example
 * download('decisions.csv', toCsv(events));
 */
export function toCsv(events: Iterable<DeliberateEvent>): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const event of events) {
    const cells: (string | number | null | undefined)[] = [
      event.schema,
      event.id,
      event.type,
      event.ts,
      event.decisionId,
      event.procedure,
      event.caseRef,
      event.actor.id,
      event.actor.role,
      event.model?.id,
      event.model?.version,
      event.chain,
      event.seq,
      event.prev,
      event.hash,
      JSON.stringify(event.data),
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
