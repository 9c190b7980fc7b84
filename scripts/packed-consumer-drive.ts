/*
 * The keyboard half of `scripts/packed-consumer.ts`: four decisions of the consumer app
 * (tests/consumer-app), each on its own page, completed with the keyboard only — Tab and Shift+Tab
 * to move, arrow keys inside radio groups, Space for checkboxes, Enter for buttons, typing for
 * text. The driver never clicks and never focuses an element itself; it reads the page only to
 * know where the focus is and what is shown. Every scenario is checked twice: in the events the
 * app collected from `onEvents` (`window.__events`) and in what the page shows.
 *
 * Selectors are the German UI's roles and names (packages/react/src/messages/*.ts).
 */
import type { DecisionEventDraft } from '@deliberate/core';
import type { Browser, Locator, Page } from 'playwright-core';

/** One line of the report. */
export interface Check {
  ok: boolean;
  what: string;
  detail?: string;
}

/** What one scenario found, and how long it took. */
export interface ScenarioResult {
  id: string;
  title: string;
  checks: Check[];
  ms: number;
}

declare global {
  interface Window {
    __events: DecisionEventDraft[];
  }
}

const STEP_TIMEOUT_MS = 10_000;
/** More Tab presses than any route to a control on the screen needs. */
const MAX_KEY_PRESSES = 80;

/** Collects the checks of one scenario; a thrown error ends the scenario as one failed check. */
class Checks {
  readonly list: Check[] = [];
  that(ok: boolean, what: string, detail?: string): boolean {
    this.list.push({ ok, what, ...(detail === undefined ? {} : { detail }) });
    return ok;
  }
}

/* -------------------------------------------------------------------------------------------------
 * Keyboard
 * -----------------------------------------------------------------------------------------------*/

/** A short description of the focused element, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (body)';
    const label =
      el.getAttribute('aria-label') ??
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
        ? Array.from(el.labels ?? [])
            .map((l) => l.textContent)
            .join(' ')
        : el.textContent);
    const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
    return `<${el.tagName.toLowerCase()}${type}> “${(label ?? '').trim().slice(0, 80)}”`;
  });
}

/** Whether the focused element is `target` (or, with `within`, any radio inside it). */
async function hasFocus(target: Locator, within = false): Promise<boolean> {
  return target.evaluate((el, inside) => {
    const active = document.activeElement;
    if (!active) return false;
    return inside ? el.contains(active) && active.matches('input[type="radio"]') : el === active;
  }, within);
}

/**
 * Moves the focus to `target` with Tab, or with Shift+Tab when the target lies before the focused
 * element in document order, as a keyboard user would. Throws naming where the focus got stuck.
 */
async function tabTo(page: Page, target: Locator, what: string, within = false): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if (await hasFocus(target, within)) return;
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    return (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  const key = backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < MAX_KEY_PRESSES; i++) {
    await page.keyboard.press(key);
    if (await hasFocus(target, within)) return;
  }
  throw new Error(
    `${what}: not reached with ${MAX_KEY_PRESSES} × ${key}; focus is on ${await describeFocus(page)}`,
  );
}

/** Tabs into a radio group and selects `option` with the arrow keys (Space if it is the first). */
async function chooseRadio(page: Page, group: Locator, option: string, what: string): Promise<void> {
  await tabTo(page, group, what, true);
  const radio = group.getByRole('radio', { name: option, exact: true });
  const count = await group.getByRole('radio').count();
  for (let i = 0; i <= count && !(await hasFocus(radio)); i++) await page.keyboard.press('ArrowDown');
  if (!(await hasFocus(radio)))
    throw new Error(
      `${what}: the arrow keys do not reach “${option}”; focus is on ${await describeFocus(page)}`,
    );
  if (!(await radio.isChecked())) await page.keyboard.press('Space');
  if (!(await radio.isChecked())) throw new Error(`${what}: “${option}” is focused but not selected`);
}

async function checkBox(page: Page, box: Locator, what: string): Promise<void> {
  await tabTo(page, box, what);
  await page.keyboard.press('Space');
  if (!(await box.isChecked())) throw new Error(`${what}: Space did not check it`);
}

async function typeInto(page: Page, field: Locator, text: string, what: string): Promise<void> {
  await tabTo(page, field, what);
  await page.keyboard.type(text);
}

async function pressButton(page: Page, button: Locator, what: string): Promise<void> {
  await tabTo(page, button, what);
  await page.keyboard.press('Enter');
}

/* -------------------------------------------------------------------------------------------------
 * Reading the page
 * -----------------------------------------------------------------------------------------------*/

const events = (page: Page) => page.evaluate(() => window.__events);
const types = (list: DecisionEventDraft[]) => list.map((event) => event.type);
const count = (list: DecisionEventDraft[], type: string) => list.filter((e) => e.type === type).length;

async function waitForEvent(page: Page, type: string): Promise<DecisionEventDraft> {
  await page.waitForFunction((t) => window.__events.some((e) => e.type === t), type, {
    timeout: STEP_TIMEOUT_MS,
  });
  const found = (await events(page)).find((event) => event.type === type);
  if (!found) throw new Error(`no ${type} event`);
  return found;
}

const json = (value: unknown) => JSON.stringify(value);

/** The decision screen's root: a region named after the case. */
const screenOf = (page: Page, caseRef: string) =>
  page.getByRole('region', { name: `Entscheidung zum Fall ${caseRef}`, exact: true });

/** Any number shown as a percentage or a probability (82 %, 0,82, 1,7, 170 %). */
const NUMBER_FROM_THE_AI = /\d+\s?%|\b[01][.,]\d+\b|\b170\b/;

/** The person's final decision without the AI: the procedure's options, then the record button. */
async function recordWithoutAi(page: Page, option: string): Promise<void> {
  await chooseRadio(
    page,
    page.getByRole('group', { name: 'Ihre Entscheidung', exact: true }),
    option,
    'the final decision’s options',
  );
  await pressButton(
    page,
    page.getByRole('button', { name: 'Meine Entscheidung festhalten', exact: true }),
    'the record button',
  );
}

/** A sentence the page shows (exactly), e.g. why the person decides without the AI. */
async function checkShown(page: Page, c: Checks, text: string, what = `shows “${text}”`): Promise<void> {
  const shown = await page
    .getByText(text, { exact: true })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  c.that(shown, what);
}

/** The result line after finalizing: visible, and where the focus went. */
async function checkResult(page: Page, c: Checks, text: string): Promise<void> {
  const result = page.getByText(text, { exact: true });
  const visible = await result
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  c.that(visible, `shows “${text}”`);
  if (!visible) return;
  // The focus moves in an effect after the text renders: give it a moment.
  let focused = await hasFocus(result);
  for (let i = 0; i < 20 && !focused; i++) {
    await page.waitForTimeout(50);
    focused = await hasFocus(result);
  }
  c.that(focused, 'the focus moves to the recorded result', await describeFocus(page));
}

/** The decision was finalized once, without the AI, for `cause`, with the procedure's option. */
function checkFinalizedWithoutAi(c: Checks, list: DecisionEventDraft[], cause: string, label: string) {
  const finalized = list.find((event) => event.type === 'decision.finalized');
  const data = (finalized?.data ?? {}) as Record<string, unknown>;
  c.that(
    count(list, 'decision.finalized') === 1 &&
      data['outcome'] === 'without-ai' &&
      data['withoutAi'] === cause &&
      json(data['final']) === json({ label }),
    `decision.finalized: outcome without-ai, withoutAi ${cause}, final ${label}`,
    json({ outcome: data['outcome'], withoutAi: data['withoutAi'], final: data['final'] }),
  );
  c.that(
    !list.some((event) => event.type === 'recommendation.revealed'),
    'nothing of the AI was revealed',
    types(list).join(', '),
  );
}

/* -------------------------------------------------------------------------------------------------
 * Scenarios
 * -----------------------------------------------------------------------------------------------*/

/** a: judge first, see the AI, keep one's own assessment with a reason. */
async function normalRecommendation(page: Page, c: Checks): Promise<void> {
  const root = screenOf(page, 'WG-2026-00a');
  await root.waitFor({ timeout: STEP_TIMEOUT_MS });
  const judgement = page.getByRole('group', { name: 'Ihre eigene Einschätzung', exact: true });
  await judgement.waitFor({ timeout: STEP_TIMEOUT_MS });
  const order = (await judgement
    .getByRole('radio')
    .evaluateAll((radios) =>
      radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''),
    )) as string[];
  c.that(
    json(order) === json(['Unterlagen anfordern', 'Bewilligen', 'Ablehnen']),
    'the judgement offers the procedure’s options in the procedure’s order',
    order.join(', '),
  );
  const before = await root.innerText();
  c.that(
    !NUMBER_FROM_THE_AI.test(before) && !before.includes('Empfohlen:'),
    'nothing of the AI is shown before the judgement is recorded',
  );

  const rationale = 'Das Einkommen liegt laut Bescheid über der Grenze.';
  await chooseRadio(page, judgement, 'Ablehnen', 'the judgement’s options');
  await typeInto(
    page,
    page.getByRole('textbox', { name: 'Ihre Begründung (freiwillig)', exact: true }),
    rationale,
    'the rationale',
  );
  await checkBox(
    page,
    page.getByRole('checkbox', { name: 'Ich habe die Akte gelesen', exact: true }),
    'the checklist item',
  );
  await pressButton(
    page,
    page.getByRole('button', { name: 'Meine Einschätzung festhalten', exact: true }),
    'the commit button',
  );
  const committed = await waitForEvent(page, 'judgement.committed');
  const committedData = committed.data as Record<string, unknown>;
  c.that(
    json(committedData['judgement']) === json({ label: 'reject' }) &&
      committedData['rationale'] === rationale &&
      json(committedData['checklist']) === json(['case-file-read']),
    'judgement.committed: reject, the typed rationale, the checklist item',
    json({
      judgement: committedData['judgement'],
      rationale: committedData['rationale'],
      checklist: committedData['checklist'],
    }),
  );

  const revealed = await waitForEvent(page, 'recommendation.revealed');
  c.that(
    json((revealed.data as { recommendation?: unknown }).recommendation) ===
      json({ label: 'approve', confidence: 0.82 }),
    'recommendation.revealed after the commit: approve, 0.82',
    json(revealed.data),
  );
  const disagreement = page.getByText(/Sie und die KI sind sich nicht einig/);
  c.that(
    await disagreement
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
      .then(() => true)
      .catch(() => false),
    'the contrast says the person and the AI disagree',
  );

  await chooseRadio(
    page,
    page.getByRole('group', { name: 'Wie möchten Sie weiter vorgehen? (Pflichtangabe)', exact: true }),
    'Bei meiner Einschätzung bleiben: Ablehnen',
    'the resolution',
  );
  await checkBox(
    page,
    page.getByRole('checkbox', { name: 'Die Akte widerspricht der Empfehlung', exact: true }),
    'the reason',
  );
  // With three options the override may ask which one; the resolution above already says it.
  const instead = page.getByRole('group', { name: 'Ihre Entscheidung stattdessen', exact: true });
  if (await instead.isVisible()) await chooseRadio(page, instead, 'Ablehnen', 'the override’s options');
  await pressButton(
    page,
    page.getByRole('button', { name: /^Abweichend entscheiden(: Ablehnen)?$/ }),
    'the override button',
  );

  const finalized = await waitForEvent(page, 'decision.finalized');
  const data = finalized.data as Record<string, unknown>;
  const reasons = (data['reasons'] as { code: string }[] | undefined)?.map((reason) => reason.code);
  c.that(
    data['outcome'] === 'overridden' &&
      json(data['final']) === json({ label: 'reject' }) &&
      json(data['judgement']) === json({ label: 'reject' }) &&
      json(reasons) === json(['case-file-contradicts']) &&
      data['withoutAi'] === undefined,
    'decision.finalized: overridden, final reject, the judgement, the reason',
    json({ outcome: data['outcome'], final: data['final'], reasons, withoutAi: data['withoutAi'] }),
  );
  const list = await events(page);
  c.that(
    json(types(list)) ===
      json(['decision.opened', 'judgement.committed', 'recommendation.revealed', 'decision.finalized']),
    'the events, each once, in order',
    types(list).join(', '),
  );
  await checkResult(
    page,
    c,
    'Entscheidung festgehalten: Ablehnen. Sie haben abweichend von der KI entschieden.',
  );
  c.that((await root.getAttribute('data-state')) === 'finalized', 'the screen is finalized');
}

/** b: no recommendation: the person decides on the procedure's options. */
async function noRecommendation(page: Page, c: Checks): Promise<void> {
  const root = screenOf(page, 'WG-2026-00b');
  await root.waitFor({ timeout: STEP_TIMEOUT_MS });
  c.that(
    await page
      .getByText('Für diesen Fall gibt es keine KI-Empfehlung. Bitte entscheiden Sie auf Grundlage der Akte.')
      .isVisible(),
    'says there is no AI recommendation for this case',
  );
  await recordWithoutAi(page, 'Unterlagen anfordern');
  await waitForEvent(page, 'decision.finalized');
  const list = await events(page);
  checkFinalizedWithoutAi(c, list, 'no-recommendation', 'request-documents');
  c.that(count(list, 'decision.opened') === 1, 'decision.opened once', types(list).join(', '));
  await checkResult(
    page,
    c,
    'Entscheidung festgehalten: Unterlagen anfordern. Sie haben ohne KI entschieden.',
  );
}

/** c: an invalid recommendation (a probability of 1.7): named as an error, never shown. */
async function invalidRecommendation(page: Page, c: Checks): Promise<void> {
  const root = screenOf(page, 'WG-2026-00c');
  await root.waitFor({ timeout: STEP_TIMEOUT_MS });
  c.that(
    await page
      .getByRole('heading', { name: 'Die KI-Empfehlung kann nicht angezeigt werden', exact: true })
      .isVisible(),
    'the error state is shown: “Die KI-Empfehlung kann nicht angezeigt werden”',
  );
  const invalid = await waitForEvent(page, 'recommendation.invalid');
  const issues = (invalid.data as { issues?: { path: unknown[]; code: string }[] }).issues ?? [];
  c.that(
    issues.some((issue) => issue.code === 'out_of_range'),
    'recommendation.invalid names the probability out of range',
    json(issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`)),
  );
  const shown = await root.innerText();
  c.that(
    !NUMBER_FROM_THE_AI.test(shown),
    'no number of the AI is shown',
    shown.match(NUMBER_FROM_THE_AI)?.[0],
  );
  await checkShown(
    page,
    c,
    'Die Empfehlung der KI für diesen Fall hat die Prüfung nicht bestanden und wird nicht angezeigt; entscheiden Sie selbst.',
    'the final step says why the person decides alone (invalid recommendation)',
  );

  await recordWithoutAi(page, 'Bewilligen');
  await waitForEvent(page, 'decision.finalized');
  checkFinalizedWithoutAi(c, await events(page), 'invalid-recommendation', 'approve');
  await checkResult(page, c, 'Entscheidung festgehalten: Bewilligen. Sie haben ohne KI entschieden.');
}

/** d: the recommendation's promise rejects: logged as unavailable, the person decides without it. */
async function failedRecommendation(page: Page, c: Checks): Promise<void> {
  const root = screenOf(page, 'WG-2026-00d');
  await root.waitFor({ timeout: STEP_TIMEOUT_MS });
  const opened = await waitForEvent(page, 'decision.opened');
  c.that(
    (opened.data as { recommendationPending?: boolean }).recommendationPending === true,
    'decision.opened says the recommendation was pending',
    json(opened.data),
  );
  const unavailable = await waitForEvent(page, 'recommendation.unavailable');
  c.that(
    json(unavailable.data) === json({ cause: 'rejected', message: 'model down' }),
    'recommendation.unavailable { cause: rejected, message: model down }',
    json(unavailable.data),
  );
  c.that((await root.getAttribute('data-state')) === 'without-ai', 'the screen goes on without the AI');
  c.that(!NUMBER_FROM_THE_AI.test(await root.innerText()), 'no number of the AI is shown');
  await checkShown(
    page,
    c,
    'Die Empfehlung der KI konnte für diesen Fall nicht berechnet werden; entscheiden Sie selbst.',
    'the final step says why the person decides alone (the recommendation failed)',
  );

  await recordWithoutAi(page, 'Ablehnen');
  await waitForEvent(page, 'decision.finalized');
  checkFinalizedWithoutAi(c, await events(page), 'recommendation-failed', 'reject');
  await checkResult(page, c, 'Entscheidung festgehalten: Ablehnen. Sie haben ohne KI entschieden.');
}

const SCENARIOS: { id: string; title: string; run(page: Page, c: Checks): Promise<void> }[] = [
  { id: 'a', title: 'a recommendation, judged first, overridden with a reason', run: normalRecommendation },
  { id: 'b', title: 'no recommendation (null)', run: noRecommendation },
  { id: 'c', title: 'an invalid recommendation (probability 1.7)', run: invalidRecommendation },
  { id: 'd', title: 'a rejected recommendation promise', run: failedRecommendation },
];

/**
 * Runs every scenario in its own browser context (a fresh page, nothing shared) against the app
 * served at `baseUrl`. Never throws: a failure is a failed check.
 */
export async function driveConsumerApp(browser: Browser, baseUrl: string): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const begun = Date.now();
    const c = new Checks();
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    try {
      await page.goto(`${baseUrl}?case=${scenario.id}`);
      await scenario.run(page, c);
    } catch (error) {
      const list = await events(page).catch(() => [] as DecisionEventDraft[]);
      c.that(
        false,
        'completed with the keyboard',
        `${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n      events so far: ${types(list).join(', ') || 'none'}`,
      );
    }
    c.that(problems.length === 0, 'no errors on the page', problems.join('; ') || undefined);
    await context.close();
    results.push({ id: scenario.id, title: scenario.title, checks: c.list, ms: Date.now() - begun });
  }
  return results;
}
