import { parseBatch, type BatchFormat, type BatchItem, type ParsedBatch } from './batch.ts';

/*
 * `parseBatch` without holding the event loop. `JSON.parse` of a 5 MB array of 6,500 events takes
 * 15–20 ms in one piece, during which `/healthz` and every other request wait. Here the array's
 * elements (or NDJSON's lines) are found by a scan that tracks strings and nesting, parsed one by
 * one, and the work yields to the event loop every few milliseconds. The result equals
 * `parseBatch`'s; anything unusual — a body that is not an array, an element that does not parse,
 * a broken structure — is handed to `parseBatch` whole, so errors keep their exact messages.
 */

/** Parsing yields to the event loop after this many milliseconds of work. */
const SLICE_MS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * End (exclusive) of the JSON value that starts at `start`, scanning strings and nesting only;
 * -1 when the text ends first. Whether the value is valid JSON is left to `JSON.parse`.
 */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
      if (i >= text.length) return -1;
      if (depth === 0) return i + 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    } else if (depth === 0 && (c === 0x2c || isSpace(c))) return i;
  }
  return depth === 0 ? text.length : -1;
}

/** The elements of a JSON array body, parsed in slices; `null` when it must go the plain way. */
async function sliceArray(body: string): Promise<BatchItem[] | null> {
  let i = 0;
  while (i < body.length && isSpace(body.charCodeAt(i))) i++;
  if (body.charCodeAt(i) !== 0x5b) return null;
  i++;
  const items: BatchItem[] = [];
  let started = performance.now();
  for (;;) {
    while (i < body.length && isSpace(body.charCodeAt(i))) i++;
    if (body.charCodeAt(i) === 0x5d && items.length === 0) {
      i++;
      break;
    }
    const end = valueEnd(body, i);
    if (end <= i) return null;
    let value: unknown;
    try {
      value = JSON.parse(body.slice(i, end));
    } catch {
      return null;
    }
    items.push({ index: items.length, value });
    i = end;
    while (i < body.length && isSpace(body.charCodeAt(i))) i++;
    const c = body.charCodeAt(i);
    i++;
    if (c === 0x5d) break;
    if (c !== 0x2c) return null;
    if (performance.now() - started >= SLICE_MS) {
      await nextTurn();
      started = performance.now();
    }
  }
  while (i < body.length && isSpace(body.charCodeAt(i))) i++;
  return i === body.length ? items : null;
}

/**
 * {@link parseBatch} in slices: the same items and invalid entries, and the same
 * `MalformedJsonError` for a body that is not a JSON array of parseable values.
 */
export async function parseBatchSliced(text: string, format: BatchFormat): Promise<ParsedBatch> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'json') {
    const items = await sliceArray(body);
    return items ? { items, invalid: [] } : parseBatch(body, 'json');
  }
  // NDJSON: lines are independent; parse a slice of them at a time.
  const result: ParsedBatch = { items: [], invalid: [] };
  let from = 0;
  let lineOffset = 0;
  let started = performance.now();
  while (from < body.length) {
    // About 64 KB of lines per piece, cut after a newline.
    let to = body.indexOf('\n', Math.min(body.length, from + 64 * 1024));
    to = to < 0 ? body.length : to + 1;
    const piece = parseBatch(body.slice(from, to), 'ndjson');
    const base = result.items.length + result.invalid.length;
    for (const item of piece.items)
      result.items.push({ ...item, index: item.index + base, line: (item.line ?? 0) + lineOffset });
    for (const entry of piece.invalid) {
      const line = (entry.line ?? 0) + lineOffset;
      result.invalid.push({
        ...entry,
        index: entry.index + base,
        line,
        errors: entry.errors.map((e) => e.replace(/^line \d+/, `line ${line}`)),
      });
    }
    // Lines in this piece: its newlines (the last one ends it).
    for (let k = from; k < to; k++) if (body.charCodeAt(k) === 0x0a) lineOffset++;
    from = to;
    if (performance.now() - started >= SLICE_MS) {
      await nextTurn();
      started = performance.now();
    }
  }
  return result;
}
