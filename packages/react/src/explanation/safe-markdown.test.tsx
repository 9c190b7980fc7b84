import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/context.tsx';
import { SafeMarkdown, safeHref } from './safe-markdown.tsx';

function renderMarkdown(source: unknown, props: Partial<Parameters<typeof SafeMarkdown>[0]> = {}) {
  return render(
    <I18nProvider locale="en">
      <SafeMarkdown {...props}>{source}</SafeMarkdown>
    </I18nProvider>,
  );
}

/** Every attribute of every element, for asserting that nothing executable got through. */
function attributes(container: HTMLElement): string[] {
  return [...container.querySelectorAll('*')].flatMap((el) =>
    el.getAttributeNames().map((name) => `${name}=${el.getAttribute(name) ?? ''}`),
  );
}

describe('safeHref', () => {
  it.each([
    ['https://www.gesetze-im-internet.de/wogg/__7.html', 'https://www.gesetze-im-internet.de/wogg/__7.html'],
    ['http://example.org', 'http://example.org/'],
    ['  HTTPS://Example.org/a b ', 'https://example.org/a%20b'],
  ])('allows the web address %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'mailto:someone@example.org',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    'https:evil.example',
    'https://bank.example@evil.example/',
    'https://user:pass@example.org/',
    'https://',
    '',
    42,
    null,
    undefined,
  ])('refuses %s', (input) => {
    expect(safeHref(input)).toBeNull();
  });
});

describe('SafeMarkdown', () => {
  it('renders the safe subset: emphasis, lists, quotes, code and tables', () => {
    const { container } = renderMarkdown(
      '**bold** *it* `code`\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(container.querySelector('strong')).toHaveTextContent('bold');
    expect(container.querySelector('em')).toHaveTextContent('it');
    expect(container.querySelector('code')).toHaveTextContent('code');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(container.querySelector('blockquote')).toHaveTextContent('quoted');
    expect(screen.getByRole('columnheader', { name: 'a' })).toHaveAttribute('scope', 'col');
  });

  it('shows raw HTML as text and creates no element from it', () => {
    const { container } = renderMarkdown(
      [
        '<script>window.__pwned = true</script>',
        '<img src=x onerror="window.__pwned = true">',
        '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<svg onload="window.__pwned = true"><circle /></svg>',
        '<div style="position:fixed;inset:0" onclick="alert(1)">cover</div>',
        '<!-- comment -->',
      ].join('\n\n'),
    );
    expect(container.querySelectorAll('script, img, iframe, svg, .dlb-markdown div, style')).toHaveLength(0);
    // The only link is the bare web address inside the iframe tag's text, autolinked like any other.
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([expect.stringMatching(/^https:\/\/evil\.example/)]);
    expect(attributes(container).filter((a) => /^(on|style|src)/i.test(a))).toEqual([]);
    expect(container).toHaveTextContent('<script>window.__pwned = true</script>');
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('keeps http(s) links, opening in a new tab without opener or referrer, with their host shown', () => {
    renderMarkdown('[the law](https://www.gesetze-im-internet.de/wogg/__12.html)');
    const link = screen.getByRole('link');
    expect(link).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/wogg/__12.html');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(link).toHaveAccessibleName(
      'the law (www.gesetze-im-internet.de) (external link, opens in a new tab)',
    );
  });

  it('shows where a misleading link really goes', () => {
    renderMarkdown('[https://www.gesetze-im-internet.de](https://evil.example/phish)');
    expect(screen.getByRole('link')).toHaveTextContent('(evil.example)');
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](data:text/html,abc)',
    '[x](vbscript:msgbox)',
    '[x](/relative)',
    '[x](//evil.example)',
    '[x](https://bank.example@evil.example)',
    '[x](mailto:a@example.org)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
  ])('turns the unsafe link %s into text that says the link was removed', (source) => {
    const { container } = renderMarkdown(source);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container).toHaveTextContent('x (link removed: not a web address)');
  });

  it('shows no images, only their alt text', () => {
    const { container } = renderMarkdown(
      '![tracking pixel](https://tracker.example/p.gif) ![](https://x.example/y.png)',
    );
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container).toHaveTextContent('Image not shown: tracking pixel');
    expect(container).toHaveTextContent('Image not shown');
  });

  it('demotes headings below the given level, or renders them as bold text', () => {
    renderMarkdown('# Top\n\n## Second\n\n###### Deep', { headingLevel: 4 });
    expect(screen.getByRole('heading', { name: 'Top' }).tagName).toBe('H4');
    expect(screen.getByRole('heading', { name: 'Second' }).tagName).toBe('H5');
    expect(screen.getByRole('heading', { name: 'Deep' }).tagName).toBe('H6');
  });

  it('closes gaps between the source’s heading levels', () => {
    renderMarkdown('## A\n\n#### B', { headingLevel: 3 });
    expect(screen.getByRole('heading', { name: 'A' }).tagName).toBe('H3');
    expect(screen.getByRole('heading', { name: 'B' }).tagName).toBe('H4');
  });

  it('renders headings as bold paragraphs where headings are not wanted', () => {
    const { container } = renderMarkdown('# Not a heading', { headings: false });
    expect(screen.queryByRole('heading')).toBeNull();
    expect(container.querySelector('p > strong')).toHaveTextContent('Not a heading');
  });

  it('renders nothing for values that are not strings', () => {
    const { container } = renderMarkdown({ toString: () => '<script>x</script>' });
    expect(container).toBeEmptyDOMElement();
  });

  it('cuts very long sources and says so', () => {
    const { container } = renderMarkdown('a'.repeat(50), { maxLength: 10 });
    expect(container).toHaveTextContent('aaaaaaaaaa');
    expect(container).not.toHaveTextContent('a'.repeat(11));
    expect(container).toHaveTextContent('The text was shortened');
  });

  it('survives deep nesting', () => {
    const { container } = renderMarkdown(`${'>'.repeat(500)} deep`);
    expect(container.querySelectorAll('blockquote').length).toBeLessThanOrEqual(40);
  });

  it('renders on the server', () => {
    const html = renderToString(<SafeMarkdown>{'**x** <script>alert(1)</script>'}</SafeMarkdown>);
    expect(html).toContain('<strong>x</strong>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
