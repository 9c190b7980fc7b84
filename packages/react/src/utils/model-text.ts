/*
 * Text from an AI system is untrusted in two ways that escaping does not cover:
 *
 * - its length: a 2 MB summary would be rendered in full (a page hundreds of thousands of
 *   pixels tall), and a 2 MB factor label once per place it appears. Every model-supplied text
 *   is therefore capped when it is displayed (`MODEL_TEXT_CAPS`), cut at a grapheme boundary
 *   (never inside an emoji or a letter with its accents), at a word boundary when one is near,
 *   and marked with "…" — the component shows a notice with both lengths;
 * - its direction: a RIGHT-TO-LEFT OVERRIDE (U+202E) or another bidi control in model text
 *   would reverse the screen's own text after it ("(elpmaxe.live)"). In the DOM, model text is
 *   put in `<bdi>` (see `model-text-view.tsx`); where it must go into a string (a sentence of
 *   ours, an accessible name, a chart label), `isolateText` removes the explicit bidi controls
 *   and wraps right-to-left text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE.
 *
 * Lengths are counted in Unicode code points ("characters" in the notice), not UTF-16 units.
 */

/** Maximum displayed length, in characters (code points), per kind of model-supplied text. */
export const MODEL_TEXT_CAPS = {
  /** The recommendation's summary. */
  summary: 2_000,
  /** Option labels, factor names, feature labels, subgroup names, values. */
  label: 120,
  /** Model name, id, version, document names, dataset names. */
  name: 200,
  /** Evidence quotations, similar-case summaries, intended use, limitations, failure modes. */
  text: 500,
  /** Long markdown (the AI system's own `detail`). */
  markdown: 20_000,
} as const;

export type ModelTextKind = keyof typeof MODEL_TEXT_CAPS;

export interface CappedText {
  /** The text to display: the original, or its first `shown` characters and "…". */
  text: string;
  /** Whether the text was cut. */
  shortened: boolean;
  /** Characters shown (without the "…"). */
  shown: number;
  /** Characters in the original. */
  total: number;
}

export const ELLIPSIS = '…';
/** How far back (characters) a cut may move to end at a space instead of inside a word. */
const WORD_WINDOW = 20;

/** The number of code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The UTF-16 index just after the first `count` code points of `text`. */
function indexAfterCodePoints(text: string, count: number): number {
  let i = 0;
  for (let seen = 0; seen < count && i < text.length; seen++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return i;
}

let graphemes: Intl.Segmenter | null | undefined;

/** The last grapheme boundary at or before `end` (a UTF-16 index). */
function graphemeBoundary(text: string, end: number): number {
  graphemes ??=
    typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'grapheme' }) : null;
  if (graphemes === null) return end;
  // Only a window around the cut is segmented: a 2 MB text is never walked grapheme by grapheme.
  const from = Math.max(0, end - 64);
  const window = text.slice(from, Math.min(text.length, end + 64));
  let boundary = from;
  for (const { index } of graphemes.segment(window)) {
    if (from + index > end) break;
    boundary = from + index;
  }
  // A boundary at the window's start may be an artefact of cutting the window there; with no
  // other boundary in reach the grapheme is longer than the window, and it is cut at `end`.
  return boundary === 0 || (boundary === from && from > 0) ? end : boundary;
}

/**
 * `text` cut to at most `max` characters (code points) for display: at a grapheme boundary, at
 * the last space within the final 20 characters when there is one, with "…" appended. Texts
 * within the cap are returned unchanged.
 *
 * @example
 * capText('Einkommen unter der Grenze', 15); // { text: 'Einkommen unter…', shortened: true, shown: 15, total: 26 }
 * capText('kurz', 120); // { text: 'kurz', shortened: false, shown: 4, total: 4 }
 */
export function capText(text: string, max: number): CappedText {
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError(`capText: max must be a positive integer, got ${String(max)}.`);
  }
  // A text of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) {
    const total = codePointLength(text);
    return { text, shortened: false, shown: total, total };
  }
  const total = codePointLength(text);
  if (total <= max) return { text, shortened: false, shown: total, total };
  // A single grapheme longer than the cap (a letter with hundreds of combining marks) is cut inside.
  let end = graphemeBoundary(text, indexAfterCodePoints(text, max));
  // Already at a word's end when a space follows; otherwise back to the last space nearby.
  if (!/\s/u.test(text.charAt(end))) {
    const start = Math.max(0, end - WORD_WINDOW);
    const space = text.slice(start, end).search(/\s\S*$/u);
    if (space >= 0 && start + space > 0) end = start + space;
  }
  const kept = text.slice(0, end).trimEnd();
  return { text: kept + ELLIPSIS, shortened: true, shown: codePointLength(kept), total };
}

/** `capText` with the cap of a kind of model text. */
export function capModelText(text: string, kind: ModelTextKind): CappedText {
  return capText(text, MODEL_TEXT_CAPS[kind]);
}

/**
 * Every bidi control character: ARABIC LETTER MARK, LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK, the
 * embeddings and overrides U+202A–U+202E, and the isolates U+2066–U+2069.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `text` without bidi control characters.
 *
 * @example
 * stripBidiControls('live\u202Eexample'); // 'liveexample'
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Model text made safe to put inside a sentence or label of our own: bidi controls removed (so
 * nothing in it can reverse or reorder the text around it), and, when it contains right-to-left
 * letters, wrapped in FSI … PDI so that its own direction stays inside. Left-to-right text
 * without controls comes back unchanged.
 *
 * @example
 * isolateText('Approve\u202E'); // 'Approve'
 * isolateText('موافقة'); // '\u2068موافقة\u2069'
 */
export function isolateText(text: string): string {
  const clean = stripBidiControls(text);
  return RTL_LETTER.test(clean) ? FSI + clean + PDI : clean;
}

/**
 * Model text for use inside a string: capped for its kind (with "…") and isolated.
 *
 * @example
 * modelString('x'.repeat(2_000_000), 'label').length; // 121 (120 characters and "…")
 */
export function modelString(text: string, kind: ModelTextKind): string {
  return isolateText(capModelText(text, kind).text);
}

/**
 * The host of an http(s) address as shown after a link ("example.org", with its port when it
 * has one): read from the parsed URL, never from the text, with every bidi control removed.
 * Internationalised hosts are shown as the URL parser gives them (punycode, `xn--…`).
 *
 * @example
 * hostHint('https://www.gesetze-im-internet.de/wogg/'); // 'www.gesetze-im-internet.de'
 */
export function hostHint(href: string): string {
  try {
    const url = new URL(href);
    return stripBidiControls(url.port === '' ? url.hostname : `${url.hostname}:${url.port}`);
  } catch {
    return '';
  }
}
