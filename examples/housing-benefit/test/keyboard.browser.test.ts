import type { DeliberateEvent } from '@deliberate/core';
import { verifyChain } from '@deliberate/log';
import axe from 'axe-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './serve-static.ts';

/*
 * The built example in Debian's Chromium, driven with the keyboard only (Tab, Shift+Tab, Enter,
 * Space, arrows, typing a comment): three cases — a high-stakes judge-first case accepted, a
 * routine case accepted, and a weak-confidence case overridden with a reason — then the logged
 * events, the console and axe are checked. The app is built with `vite build --mode test`, which
 * exposes `window.__deliberateEvents` (read-only). Set HOUSING_BENEFIT_DIST to test an existing
 * build instead. Time is Playwright's fake clock, fast-forwarded past the own-assessment floors.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let outDir: string | undefined;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  let dist = process.env['HOUSING_BENEFIT_DIST'];
  if (!dist) {
    outDir = mkdtempSync(path.join(tmpdir(), 'housing-benefit-'));
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'test',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    dist = outDir;
  }
  server = await serveStatic(path.resolve(dist));
  browser = await chromium.launch({ executablePath: chromiumPath, args });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.install();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors, close: () => context.close() };
}

/** What has focus: tag|type|value|label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName}|${el.type ?? ''}|${el.value ?? ''}|${label.trim()}`;
  });

/** Presses Tab until the focused element matches (keyboard only: no clicks, no focus()). */
async function tabTo(page: Page, pattern: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (pattern.test(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${pattern}; last focus: ${await focused(page)}`);
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { __deliberateEvents: DeliberateEvent[] }).__deliberateEvents);

/** Opens a case from the queue, judges it, commits and waits out the own-assessment floor. */
async function judge(
  page: Page,
  ref: string,
  option: 'approve' | 'reject',
  checklist: number,
  ownTimeMs: number,
) {
  await tabTo(page, new RegExp(`BUTTON\\|.*${ref}`));
  await page.keyboard.press('Enter');
  await tabTo(page, /radio\|approve/);
  if (option === 'approve') await page.keyboard.press('Space');
  else await page.keyboard.press('ArrowDown');
  for (let i = 0; i < checklist; i++) {
    await tabTo(page, /checkbox/);
    await page.keyboard.press('Space');
  }
  await tabTo(page, /Meine Einschätzung festhalten/);
  await page.keyboard.press('Enter');
  await page.clock.fastForward(ownTimeMs + 1000);
  await page
    .getByRole('button', { name: /Empfehlung übernehmen|KI-Empfehlung anzeigen|Empfehlung anzeigen/ })
    .first()
    .waitFor();
  if (await page.getByRole('button', { name: /Empfehlung anzeigen/ }).count()) {
    await tabTo(page, /Empfehlung anzeigen/);
    await page.keyboard.press('Enter');
  }
}

describe('the housing-benefit example, built', () => {
  it('renders the queue and logs no console error (smoke test)', async () => {
    const { page, errors, close } = await openPage();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(13);
    expect(errors).toEqual([]);
    await close();
  });

  it('works three cases keyboard-only, logs them, and passes axe', async () => {
    const { page, errors, close } = await openPage();
    expect(await axeViolations(page)).toEqual([]);

    // 1. High stakes (judge first, checklist, 20 s floor, reason always): agree and accept.
    await judge(page, 'WG-2025-0007', 'reject', 2, 20_000);
    await tabTo(page, /Belege aus Akte/);
    await page.keyboard.press('Enter'); // open the evidence panel
    await tabTo(page, /checkbox\|.*Die Unterlagen bestätigen es/);
    await page.keyboard.press('Space');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, /Empfehlung übernehmen/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Entscheidung gespeichert' }).waitFor();
    await tabTo(page, /Zurück zum Arbeitskorb/);
    await page.keyboard.press('Enter');

    // 2. Routine (AI on request, 10 s floor): accept.
    await judge(page, 'WG-2025-0006', 'approve', 0, 10_000);
    await tabTo(page, /Empfehlung übernehmen/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Entscheidung gespeichert' }).waitFor();
    await tabTo(page, /Zurück zum Arbeitskorb/);
    await page.keyboard.press('Enter');

    // 3. High stakes because the stated income is above the limit, while the AI approves (with weak
    // confidence): judge first, then override the AI's "approve" with "reject" and a reason.
    await judge(page, 'WG-2025-0009', 'reject', 2, 20_000);
    // Judgement and AI disagree: the caseworker first says how to go on.
    await tabTo(page, /radio\|.*Bei meiner Einschätzung bleiben/);
    await page.keyboard.press('Space');
    await tabTo(page, /checkbox\|.*Die Unterlagen widersprechen/);
    await page.keyboard.press('Space');
    await tabTo(page, /TEXTAREA/);
    await page.keyboard.type('Einkommen liegt laut Verdienstbescheinigung knapp über der Grenze.');
    await tabTo(page, /BUTTON\|.*Abweichend entscheiden/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Entscheidung gespeichert' }).waitFor();

    // The logged events (stamped, pseudonymised, chained).
    await expect
      .poll(async () => (await events(page)).filter((e) => e.type === 'decision.finalized').length)
      .toBe(3);
    const log = await events(page);
    expect(verifyChain(log).ok).toBe(true);
    const finals = log.filter((e) => e.type === 'decision.finalized');
    expect(finals.map((e) => [e.decisionId, (e.data as { outcome: string }).outcome])).toEqual([
      ['WG-2025-0007:eligibility', 'accepted'],
      ['WG-2025-0006:eligibility', 'accepted'],
      ['WG-2025-0009:eligibility', 'overridden'],
    ]);
    const override = finals[2]!.data as {
      final: { label: string };
      reasons: { code: string }[];
      comment?: string;
    };
    expect(override.final.label).toBe('reject');
    expect(override.reasons.map((r) => r.code)).toEqual(['documents-contradict']);
    expect(override.comment).toMatch(/Verdienstbescheinigung/);
    for (const id of ['WG-2025-0007:eligibility', 'WG-2025-0006:eligibility', 'WG-2025-0009:eligibility']) {
      const types = log.filter((e) => e.decisionId === id).map((e) => e.type);
      expect(types[0]).toBe('decision.opened');
      expect(types.indexOf('judgement.committed')).toBeGreaterThan(0);
      expect(types.indexOf('recommendation.revealed')).toBeGreaterThan(types.indexOf('judgement.committed'));
      expect(types.at(-1)).toBe('decision.finalized');
    }
    const opened = log
      .filter((e) => e.type === 'decision.opened')
      .map((e) => (e.data as { stakes: string }).stakes);
    expect(opened).toEqual(['high', 'medium', 'high']);
    expect(log.every((e) => e.caseRef.startsWith('ps:') && !e.caseRef.includes('WG-'))).toBe(true);
    // The page holds no key: the ids it logs are the pseudonyms its (stand-in) server issued.
    expect(log.every((e) => /^ps:[0-9a-f]{32}$/.test(e.actor.id))).toBe(true);

    // The evaluator view reads the events back from IndexedDB.
    await tabTo(page, /BUTTON\|.*Auswertung/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('chain-status').getAttribute('data-state')).toBe('intact');
    await page.getByText(/^\d+ Ereignisse, 3 abgeschlossene Entscheidungen$/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
