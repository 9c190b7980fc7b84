import { parser, RuleType, type MarkdownToJSX } from 'markdown-to-jsx/react';
import { Fragment, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { explanationMessages } from '../messages/explanation.ts';
import { cx } from '../utils/class-names.ts';
import { capText, hostHint } from '../utils/model-text.ts';
import { interpolate } from '../utils/model-text-view.tsx';
import { formatNumber } from '../i18n/format.ts';

/*
 * Markdown from an AI system is untrusted input. markdown-to-jsx parses it into an AST (with raw
 * HTML parsing switched off, so `<script>` and `<img onerror>` stay literal text); this file then
 * renders that AST itself through an allowlist, instead of letting the library render it. Every
 * node type not listed below renders nothing, so a new node type in a future version of the parser
 * cannot slip through. The rules:
 *
 * - no raw HTML, ever: tags in the text are shown as text;
 * - links only to absolute http(s) addresses without user info (`https://bank.de@evil.org` is
 *   refused); everything else (`javascript:`, `data:`, `vbscript:`, relative and protocol-relative
 *   addresses, `mailto:`) is shown as its text with a note that the link was removed. Links open
 *   in a new tab (the decision in progress stays where it is) with `rel="noopener noreferrer"`,
 *   show their host in brackets (so that a link text cannot pretend to be another address) and
 *   say "external link, opens in a new tab" to screen readers. The host is read from the parsed
 *   URL with every bidi control removed, and both the link text and the host are isolated
 *   (`<bdi>`), so that a RIGHT-TO-LEFT OVERRIDE in the text cannot turn "(evil.example)" into
 *   "(elpmaxe.live)";
 * - every block (paragraph, heading, list item, quotation, table cell) has `dir="auto"`: its
 *   direction comes from its own text, and a bidi control in it ends with the block;
 * - no images: an AI system's images could be tracking pixels (they tell a third party who opened
 *   which case, and when) and cannot be checked like text; the alt text is shown instead;
 * - headings are demoted below the host's heading level: the source's highest heading becomes
 *   `headingLevel`, each deeper level one more, so the page outline never skips a level; or they
 *   are rendered as bold paragraphs where headings would disturb it (`headings={false}`);
 * - no `id`, `class`, `style` or event attributes from the source on any element;
 * - the source is cut at `maxLength` characters (at a grapheme and, nearby, a word boundary; a
 *   notice says how much is shown) and nesting at 32 levels.
 */

/* -------------------------------------------------------------------------------------------------
 * URLs
 * -----------------------------------------------------------------------------------------------*/

/**
 * The address as a safe `href`, or `null`: only absolute `http:`/`https:` URLs without user info.
 *
 * @example
 * safeHref('https://www.gesetze-im-internet.de/wogg/__7.html'); // 'https://www.gesetze-im-internet.de/wogg/__7.html'
 * safeHref('javascript:alert(1)'); // null
 */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // Checked on the raw text as well as on the parsed URL: the parser would accept "https:foo".
  if (!/^https?:\/\/[^/\\]/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username !== '' || url.password !== '') return null;
    if (url.hostname === '') return null;
    return url.href;
  } catch {
    return null;
  }
}

export interface ExternalLinkProps {
  /** A URL that has passed `safeHref`. */
  href: string;
  children: ReactNode;
  /** Show the host after the text, so that the text cannot hide where the link goes. @default true */
  showHost?: boolean;
}

/** A link out of the decision screen: new tab, no opener, no referrer, its host shown. */
export function ExternalLink({ href, children, showHost = true }: ExternalLinkProps) {
  const { t } = useI18n(explanationMessages);
  return (
    <a
      className="dlb-external-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      referrerPolicy="no-referrer"
    >
      <bdi>{children}</bdi>
      {showHost ? (
        <>
          {' '}
          <bdi dir="ltr" className="dlb-external-link__host">
            ({hostHint(href)})
          </bdi>
        </>
      ) : null}
      <span className="dlb-external-link__icon" aria-hidden="true">
        {' ↗'}
      </span>{' '}
      <span className="dlb-visually-hidden">{t('explanation.link.external')}</span>
    </a>
  );
}
ExternalLink.displayName = 'ExternalLink';

/* -------------------------------------------------------------------------------------------------
 * Rendering the AST through an allowlist
 * -----------------------------------------------------------------------------------------------*/

const MAX_DEPTH = 32;
const FORMATTED_TAGS = new Set(['strong', 'em', 'del', 's', 'mark', 'sub', 'sup', 'code']);
type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

interface RenderContext {
  headingLevel: number;
  /** The heading levels the source uses, in order: the first becomes `headingLevel`, the next one below, … */
  levels: readonly number[];
  headings: boolean;
  t: (key: string, vars?: Record<string, string | number>) => string;
}

function renderAll(nodes: readonly MarkdownToJSX.ASTNode[] | undefined, ctx: RenderContext, depth: number) {
  if (!nodes || depth > MAX_DEPTH) return null;
  return nodes.map((node, index) => <Fragment key={index}>{renderNode(node, ctx, depth + 1)}</Fragment>);
}

function renderNode(node: MarkdownToJSX.ASTNode, ctx: RenderContext, depth: number): ReactNode {
  switch (node.type) {
    case RuleType.text:
      return node.text;
    case RuleType.paragraph:
      return <p dir="auto">{renderAll(node.children, ctx, depth)}</p>;
    case RuleType.textFormatted: {
      const children = renderAll(node.children, ctx, depth);
      if (!FORMATTED_TAGS.has(node.tag)) return children;
      const Tag = node.tag as 'strong';
      return <Tag>{children}</Tag>;
    }
    case RuleType.breakLine:
      return <br />;
    case RuleType.breakThematic:
      return <hr />;
    case RuleType.heading: {
      const children = renderAll(node.children, ctx, depth);
      if (!ctx.headings) {
        return (
          <p dir="auto">
            <strong>{children}</strong>
          </p>
        );
      }
      // By rank, not by `#` count: "## A … #### B" becomes two adjacent levels, never a skipped one.
      const rank = Math.max(0, ctx.levels.indexOf(node.level));
      const level = Math.min(6, Math.max(2, ctx.headingLevel + rank));
      const Tag = `h${level}` as HeadingTag;
      return (
        <Tag dir="auto" className="dlb-markdown__heading">
          {children}
        </Tag>
      );
    }
    case RuleType.blockQuote:
      return <blockquote dir="auto">{renderAll(node.children, ctx, depth)}</blockquote>;
    case RuleType.unorderedList:
      return (
        <ul>
          {node.items.map((item, index) => (
            <li key={index} dir="auto">
              {renderAll(item, ctx, depth)}
            </li>
          ))}
        </ul>
      );
    case RuleType.orderedList:
      return (
        <ol start={typeof node.start === 'number' && Number.isFinite(node.start) ? node.start : undefined}>
          {node.items.map((item, index) => (
            <li key={index} dir="auto">
              {renderAll(item, ctx, depth)}
            </li>
          ))}
        </ol>
      );
    case RuleType.codeInline:
      return <code>{node.text}</code>;
    case RuleType.codeBlock:
      return (
        <pre>
          <code>{node.text}</code>
        </pre>
      );
    case RuleType.gfmTask:
      return node.completed ? '[x] ' : '[ ] ';
    case RuleType.link: {
      const children = renderAll(node.children, ctx, depth);
      const href = safeHref(node.target);
      if (href) return <ExternalLink href={href}>{children}</ExternalLink>;
      return (
        <>
          <bdi>{children}</bdi>{' '}
          <bdi dir="ltr" className="dlb-markdown__removed">
            ({ctx.t('explanation.link.removed')})
          </bdi>
        </>
      );
    }
    case RuleType.image: {
      const alt = typeof node.alt === 'string' ? node.alt.trim() : '';
      return (
        <bdi dir="ltr" className="dlb-markdown__removed">
          {alt === ''
            ? ctx.t('explanation.image.removed')
            : interpolate(ctx.t('explanation.image.removedAlt'), { alt: <bdi dir="auto">{alt}</bdi> })}
        </bdi>
      );
    }
    case RuleType.table:
      return (
        <table className="dlb-markdown__table">
          <thead>
            <tr>
              {node.header.map((cell, index) => (
                <th key={index} scope="col" dir="auto">
                  {renderAll(cell, ctx, depth)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {node.cells.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  <td key={index} dir="auto">
                    {renderAll(cell, ctx, depth)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case RuleType.footnoteReference:
      return <sup>[{node.text}]</sup>;
    case RuleType.htmlBlock:
      // Only reached if raw HTML parsing were on: drop the tag, keep its (allowlisted) content.
      return renderAll(node.children, ctx, depth);
    default:
      // htmlSelfClosing, htmlComment, frontmatter, refs, footnote definitions, and anything new.
      return null;
  }
}

function headingLevelsOf(
  nodes: readonly MarkdownToJSX.ASTNode[],
  found = new Set<number>(),
  depth = 0,
): Set<number> {
  if (depth > MAX_DEPTH) return found;
  for (const node of nodes) {
    if (node.type === RuleType.heading) found.add(node.level);
    if ('children' in node && Array.isArray(node.children)) headingLevelsOf(node.children, found, depth + 1);
    if ('items' in node && Array.isArray(node.items))
      for (const item of node.items) headingLevelsOf(item, found, depth + 1);
  }
  return found;
}

function footnotesOf(nodes: readonly MarkdownToJSX.ASTNode[]): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  for (const node of nodes) {
    if (node.type !== RuleType.refCollection) continue;
    for (const [key, ref] of Object.entries(node.refs)) {
      if (key.startsWith('^')) out.push({ label: key.slice(1), text: ref.target });
    }
  }
  return out;
}

/* -------------------------------------------------------------------------------------------------
 * SafeMarkdown
 * -----------------------------------------------------------------------------------------------*/

export interface SafeMarkdownProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * The markdown. Anything that is not a string renders nothing: the value comes from another
   * system, and its type is not guaranteed.
   * @example <SafeMarkdown>{recommendation.detail}</SafeMarkdown>
   */
  children?: unknown;
  /**
   * The level the source's highest heading gets (whether it is written `#` or `##`); each deeper
   * level of the source one below, at most 6. Choose one below the surrounding heading so that
   * the AI's text cannot take over the page outline or skip a level.
   * @default 4
   */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /**
   * Render headings as headings. `false` renders them as bold paragraphs, for short fields
   * (table cells, list items) where a heading would break the outline.
   * @default true
   */
  headings?: boolean;
  /**
   * Longer sources are cut here (characters, at a grapheme and nearby word boundary), with a
   * note saying how much of the text is shown.
   * @default 20000 (`MODEL_TEXT_CAPS.markdown`)
   */
  maxLength?: number;
}

/**
 * Renders untrusted markdown (an AI system's `detail`, a summary, a model card) as a safe subset:
 * paragraphs, emphasis, lists, quotes, code, tables and http(s) links; never raw HTML, scripts,
 * images or event handlers. See the rules at the top of `safe-markdown.tsx`. A `div` with class
 * `dlb-markdown`; renders on the server.
 *
 * @example
 * <SafeMarkdown headingLevel={4}>{'**Guideline:** HbA1c every 6–12 months. [Source](https://example.org)'}</SafeMarkdown>
 */
export function SafeMarkdown({
  children,
  headingLevel = 4,
  headings = true,
  maxLength = 20_000,
  className,
  ...rest
}: SafeMarkdownProps) {
  const { t, locale } = useI18n(explanationMessages);
  const source = typeof children === 'string' ? children : '';
  const capped = useMemo(() => capText(source, Math.max(1, Math.floor(maxLength))), [source, maxLength]);
  const ast = useMemo(() => {
    try {
      return parser(capped.text, {
        disableParsingRawHTML: true,
        disableFrontmatter: true,
        tagfilter: true,
      });
    } catch {
      // A parser failure shows the (capped) text as it is, which is always safe.
      return [
        { type: RuleType.paragraph, children: [{ type: RuleType.text, text: capped.text }] },
      ] as MarkdownToJSX.ASTNode[];
    }
  }, [capped.text]);
  if (source.trim() === '') return null;
  const levels = [...headingLevelsOf(ast)].sort((a, b) => a - b);
  const ctx: RenderContext = { headingLevel, levels, headings, t };
  const footnotes = footnotesOf(ast);
  return (
    <div {...rest} className={cx('dlb-markdown', className)}>
      {renderAll(ast, ctx, 0)}
      {footnotes.length > 0 ? (
        <ol className="dlb-markdown__footnotes">
          {footnotes.map((note) => (
            <li key={note.label} dir="auto">
              [{note.label}] {note.text}
            </li>
          ))}
        </ol>
      ) : null}
      {capped.shortened ? (
        <p className="dlb-markdown__removed dlb-shortened" dir="ltr" data-shortened="true">
          {t('explanation.markdown.truncated', {
            shown: formatNumber(capped.shown, locale),
            total: formatNumber(capped.total, locale),
          })}
        </p>
      ) : null}
    </div>
  );
}
SafeMarkdown.displayName = 'SafeMarkdown';
