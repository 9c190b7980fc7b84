/*
 * `pnpm audit:safeguards`: the Safeguards panel's checks over every story, in a real browser.
 *
 * 1. Uses `storybook-static/` when it is newer than every source it is built from (or with
 *    `--reuse`); otherwise runs `pnpm run build-storybook`.
 * 2. Serves it from 127.0.0.1, reads `index.json`, and opens each story's `iframe.html?id=…` in
 *    Debian's Chromium (playwright-core). Play functions run as in Storybook.
 * 3. Waits until the story's `DecisionProvider`s have published their safeguard manifests
 *    (`deliberate:safeguards`), reads them with the DOM probe the addon's preview adds, and runs
 *    the catalogue (packages/storybook-addon/src/catalogue.ts).
 * 4. Writes a Markdown report (default `.test-results/safeguards-report.md`, `--out <file>`).
 *
 * Exits 1 when a story under `Screens/` (the project's own decision screens) has a failing check,
 * publishes no manifest, or throws; other stories are reported only (component stories show parts
 * of a screen on purpose).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../.storybook/chromium.ts';
import {
  evaluateSafeguards,
  STATUS_LABEL,
  summarize,
  type EvaluatedCheck,
  type ReviewInput,
} from '../packages/storybook-addon/src/catalogue.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'storybook-static');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outFile = path.resolve(
  root,
  outArg >= 0 && args[outArg + 1] ? args[outArg + 1]! : '.test-results/safeguards-report.md',
);
const GATED_PREFIX = 'Screens/';
const CONCURRENCY = 3;
/** After the last manifest, wait this long for late registrations (reveals, play functions). */
const SETTLE_MS = 400;
const STORY_TIMEOUT_MS = 15_000;
/**
 * The most one story may take as a whole. Playwright's `evaluate`, `newPage` and `close` have no
 * timeout of their own, and a preview that stops answering after a channel switch would otherwise
 * hold the audit (and CI) forever.
 */
const STORY_DEADLINE_MS = 45_000;

/** `promise`, or a rejection naming `what` once `ms` have passed. */
function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/* -------------------------------------------------------------------------------------------------
 * Build (or reuse) the static Storybook
 * -----------------------------------------------------------------------------------------------*/

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.test')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuild(): void {
  const index = path.join(staticDir, 'index.json');
  const sources = ['stories', 'docs', '.storybook', 'packages', 'examples'].map((d) => path.join(root, d));
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (args.includes('--reuse') || fresh) {
    console.log(`Using ${path.relative(root, staticDir)}/ (${fresh ? 'up to date' : '--reuse'}).`);
    return;
  }
  console.log('Building Storybook…');
  const result = spawnSync('pnpm', ['run', 'build-storybook'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`storybook build failed (exit ${result.status})`);
}

/* -------------------------------------------------------------------------------------------------
 * Serve it
 * -----------------------------------------------------------------------------------------------*/

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

async function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/* -------------------------------------------------------------------------------------------------
 * Audit one story
 * -----------------------------------------------------------------------------------------------*/

interface StoryEntry {
  id: string;
  title: string;
  name: string;
}

interface StoryAudit {
  story: StoryEntry;
  decisions: { review: ReviewInput; results: EvaluatedCheck[] }[];
  errors: string[];
  ms: number;
  /** Set when the story came through only on a fresh page: what the channel switch ran into. */
  retriedAfter?: string[];
}

/* Evaluated in the page as strings (no bundler helpers cross into the browser). */
const INIT_SCRIPT = `window.__dlbLastSafeguards = 0;
window.addEventListener('deliberate:safeguards', () => { window.__dlbLastSafeguards = Date.now(); });`;
const READ_REVIEWS = `(() => {
  const review = window.__deliberateSafeguardsReview;
  if (typeof review === 'function') return review();
  return Object.values(window.__deliberateSafeguards || {});
})()`;
const SETTLED = `(() => {
  const last = window.__dlbLastSafeguards || 0;
  const rendered = document.querySelector('#storybook-root, #root');
  return { last, now: Date.now(), rendered: !!rendered && rendered.childElementCount > 0 };
})()`;

const CHANNEL = `window.__STORYBOOK_ADDONS_CHANNEL__`;
const WATCH_RENDERS = `(() => {
  if (window.__dlbWatching) return true;
  const channel = ${CHANNEL};
  if (!channel) return false;
  window.__dlbWatching = true;
  const done = (id) => { window.__dlbDone = id; };
  channel.on('storyRendered', done);
  channel.on('storyErrored', () => done('error'));
  channel.on('storyThrewException', () => done('error'));
  channel.on('playFunctionThrewException', () => done('error'));
  return true;
})()`;

/**
 * Audits one story in `page`. The first story loads `iframe.html`; later ones switch the story in
 * the same preview through Storybook's channel (as the manager does), which is many times faster
 * than a reload. Unmounted decisions withdraw their manifests, so nothing carries over.
 */
async function auditStory(
  page: Page,
  origin: string,
  story: StoryEntry,
  first: boolean,
): Promise<StoryAudit> {
  const errors: string[] = [];
  const t0 = Date.now();
  const onError = (error: Error) => errors.push(`page error: ${error.message.split('\n')[0]}`);
  page.on('pageerror', onError);
  try {
    if (first) {
      await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, {
        waitUntil: 'load',
        timeout: STORY_TIMEOUT_MS,
      });
      await page.waitForFunction(WATCH_RENDERS, undefined, { timeout: STORY_TIMEOUT_MS });
    } else {
      await page.evaluate(
        `window.__dlbDone = null; window.__dlbLastSafeguards = 0;
         ${CHANNEL}.emit('setCurrentStory', { storyId: ${JSON.stringify(story.id)}, viewMode: 'story' });`,
      );
      await page.waitForFunction(`window.__dlbDone != null`, undefined, { timeout: STORY_TIMEOUT_MS });
    }
    const started = Date.now();
    for (;;) {
      const s = (await page.evaluate(SETTLED)) as { last: number; now: number; rendered: boolean };
      const quiet = s.last > 0 ? s.now - s.last >= SETTLE_MS : s.now - started >= 600;
      if (quiet) break;
      if (Date.now() - started > STORY_TIMEOUT_MS) {
        errors.push('timed out waiting for the story to settle');
        break;
      }
      await page.waitForTimeout(50);
    }
    const reviews = (await page.evaluate(READ_REVIEWS)) as ReviewInput[];
    return {
      story,
      errors,
      decisions: reviews.map((review) => ({ review, results: evaluateSafeguards(review) })),
      ms: Date.now() - t0,
    };
  } catch (error) {
    errors.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    return { story, errors, decisions: [], ms: Date.now() - t0 };
  } finally {
    page.off('pageerror', onError);
  }
}

/* -------------------------------------------------------------------------------------------------
 * Report
 * -----------------------------------------------------------------------------------------------*/

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function gateProblems(a: StoryAudit): string[] {
  if (!a.story.title.startsWith(GATED_PREFIX)) return [];
  const problems = [...a.errors];
  if (a.decisions.length === 0) problems.push('no safeguard manifest was published');
  for (const d of a.decisions)
    for (const r of d.results)
      if (r.status === 'fail') problems.push(`${d.review.decisionId}: ${r.id} fails`);
  return problems;
}

function report(audits: StoryAudit[], seconds: number): string {
  const lines: string[] = [
    '# Safeguards audit',
    '',
    `${audits.length} stories, ${audits.reduce((n, a) => n + a.decisions.length, 0)} decisions, ${seconds.toFixed(1)} s. ` +
      `Stories under \`${GATED_PREFIX}\` must have no failing check. Generated by \`pnpm audit:safeguards\`; ` +
      'sources are paraphrased — check legal wording against EUR-Lex.',
    '',
    '## Summary',
    '',
    '| story | decisions | pass | warn | fail | gate |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const a of audits) {
    const counts = summarize(a.decisions.flatMap((d) => d.results));
    const gated = a.story.title.startsWith(GATED_PREFIX);
    const problems = gateProblems(a);
    lines.push(
      `| ${cell(`${a.story.title} › ${a.story.name}`)} | ${a.decisions.length} | ${counts.pass} | ${counts.warn} | ${counts.fail} | ${gated ? (problems.length ? '✗ fails' : '✓ ok') : '—'} |`,
    );
  }
  lines.push('', '## Stories', '');
  for (const a of audits) {
    lines.push(`### ${a.story.title} › ${a.story.name}`, '', `\`${a.story.id}\` (${a.ms} ms)`, '');
    for (const e of a.errors) lines.push(`- Error: ${e}`);
    if (a.retriedAfter) {
      lines.push(
        `- Audited on a fresh page after the switch from the previous story failed: ${a.retriedAfter.join('; ')}`,
      );
    }
    if (a.decisions.length === 0) lines.push('No Deliberate decision on this story.', '');
    for (const d of a.decisions) {
      const r = d.review;
      lines.push(
        `Decision \`${r.decisionId}\`: ${r.stakes} stakes, policy ${r.plan.policyId}@${r.plan.policyVersion} (rule ${r.plan.rule}), ` +
          `reveal ${r.plan.reveal}, justification ${r.plan.justification}, own time ${Math.round(r.plan.minOwnTimeMs / 1000)} s, ` +
          `logger ${r.logger ? 'attached' : 'none'}, locale ${r.locale}.`,
        '',
        '| status | check | why |',
        '|---|---|---|',
      );
      for (const res of d.results)
        lines.push(
          `| ${STATUS_LABEL[res.status].symbol} ${res.status} | ${cell(res.title.en)} (\`${res.id}\`) | ${cell(res.why)} |`,
        );
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

/* -------------------------------------------------------------------------------------------------
 * Main
 * -----------------------------------------------------------------------------------------------*/

async function main(): Promise<number> {
  const started = Date.now();
  ensureBuild();
  const index = JSON.parse(readFileSync(path.join(staticDir, 'index.json'), 'utf8')) as {
    entries: Record<string, StoryEntry & { type: string }>;
  };
  const only = args.indexOf('--filter') >= 0 ? args[args.indexOf('--filter') + 1] : undefined;
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story')
    .filter((e) => !only || `${e.title} ${e.name} ${e.id}`.includes(only))
    .map(({ id, title, name }) => ({ id, title, name }));
  const server = await serve(staticDir);
  let browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  // One browser context per worker: pages that audit side by side must not share storage (the
  // Storybook outbox in IndexedDB, its Web Locks), or one story's log clearing or held lock
  // reaches into another story's run.
  const newContext = async (): Promise<BrowserContext> => {
    const context = await browser.newContext();
    await context.addInitScript(INIT_SCRIPT);
    return context;
  };
  // A story that takes the browser down must not take the audit with it: start a new one.
  let relaunching: Promise<void> | null = null;
  const ensureBrowser = async () => {
    if (browser.isConnected()) return;
    relaunching ??= (async () => {
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      relaunching = null;
    })();
    await relaunching;
  };
  const audits: StoryAudit[] = new Array(stories.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        let page: Page | null = null;
        let context: BrowserContext | null = null;
        const freshPage = async (): Promise<Page> => {
          if (page) void withDeadline(page.close(), 5_000, 'closing the page').catch(() => {});
          await ensureBrowser();
          if (!context || context.browser() !== browser) context = await newContext();
          page = await withDeadline(context.newPage(), 15_000, 'opening a page');
          return page;
        };
        /** Audits `story` in the current page (switching stories), or on a fresh page. */
        const attempt = async (story: StoryEntry, fresh: boolean): Promise<StoryAudit> => {
          const t0 = Date.now();
          try {
            const first = fresh || !page || page.isClosed();
            const target = first ? await freshPage() : (page as Page);
            return await withDeadline(
              auditStory(target, server.origin, story, first),
              STORY_DEADLINE_MS,
              story.id,
            );
          } catch (error) {
            const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
            return { story, errors: [message], decisions: [], ms: Date.now() - t0 };
          }
        };
        while (next < stories.length) {
          const i = next++;
          const story = stories[i]!;
          const switched = page !== null && !(page as Page).isClosed();
          let audit = await attempt(story, !switched);
          // A story switched in through the channel inherits the preview's state; if it did not
          // come through, the story gets one more try on a page of its own, and the report says so.
          if (audit.errors.length > 0 && switched) {
            const firstErrors = audit.errors;
            audit = await attempt(story, true);
            audit.retriedAfter = firstErrors;
          }
          audits[i] = audit;
          // After a failure, start the next story from a fresh page.
          if (audit.errors.length > 0 && page) {
            void withDeadline((page as Page).close(), 5_000, 'closing the page').catch(() => {});
            page = null;
          }
          if (process.env['AUDIT_VERBOSE']) console.log(`${audit.ms} ms ${story.id}`);
        }
        if (page) await withDeadline((page as Page).close(), 5_000, 'closing the page').catch(() => {});
      }),
    );
  } finally {
    await withDeadline(browser.close(), 15_000, 'closing the browser').catch(() => {});
    await server.close();
  }
  const seconds = (Date.now() - started) / 1000;
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, report(audits, seconds));
  const all = summarize(audits.flatMap((a) => a.decisions.flatMap((d) => d.results)));
  const problems = audits.flatMap((a) =>
    gateProblems(a).map((p) => `${a.story.title} › ${a.story.name}: ${p}`),
  );
  const retried = audits.filter((a) => a.retriedAfter).map((a) => a.story.id);
  if (retried.length > 0) {
    console.log(`Audited on a fresh page after a failed story switch: ${retried.join(', ')}`);
  }
  console.log(
    `Safeguards: ${stories.length} stories, ${all.pass} pass, ${all.warn} warn, ${all.fail} fail (${seconds.toFixed(1)} s). Report: ${path.relative(root, outFile)}`,
  );
  if (problems.length > 0) {
    console.error(
      `\n${GATED_PREFIX} stories with failing safeguards:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
