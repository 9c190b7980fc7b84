/*
 * `pnpm check:snippets`: every TypeScript snippet in every README type-checks, as a reader would
 * paste it into a strict project.
 *
 * Which READMEs: `README.md` at the root and in every `packages/*` and `examples/*` directory,
 * found at run time (a README added later is checked without touching this script).
 *
 * Which blocks: fenced code blocks whose language is `ts`, `tsx`, `typescript` or `mts` (any fence
 * length, backticks or tildes, also indented in a list). Other languages (sh, json, sql, …) are
 * not checked. Each block is its own module: top-level `await` works, and names do not leak from
 * one block into the next.
 *
 * The compiler: `tsconfig.base.json` (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
 * the `@deliberate/source` condition, so `@deliberate/*` resolve to the workspace sources), with
 * Node's types and the DOM library. The blocks are written to `node_modules/.cache/readme-snippets/`
 * (inside the workspace, ignored by git, ESLint and Prettier) and checked in one program, as
 * `tsc --noEmit` would. A stylesheet import (`import '@deliberate/charts/charts.css'`) is checked
 * against the package's `exports` here, since TypeScript cannot resolve CSS.
 *
 * Two markers, as an HTML comment directly above a block (blank lines between are allowed):
 *
 *   <!-- snippet: skip -->
 *     The block is not checked. Only for a block that is deliberately not a program (an excerpt,
 *     pseudo-code); the run lists every skipped block, so a skip stays visible.
 *
 *   <!-- snippet: prelude
 *   import type { DecisionStore } from '@deliberate/core';
 *   declare const store: DecisionStore;
 *   -->
 *     Declarations put in front of the block: the host's values a snippet uses without defining
 *     them (a store, a user, a token). A prelude may hold only imports, `declare` statements, type
 *     aliases and interfaces — no code that runs, no `any`, no `declare module`/`declare global`,
 *     no `@ts-ignore`/`@ts-nocheck` — so it gives a value its type but cannot change what the
 *     snippet does, change a package's types or silence an error in the snippet.
 *     `@ts-ignore` and `@ts-nocheck` are refused in snippets too (`@ts-expect-error` is allowed: it
 *     fails when there is no error). A prelude's types may also hold a block to the package: where
 *     a README lists an interface, a type alias in the prelude can require the listing to equal the
 *     package's declaration (packages/collector/README.md, "Storage").
 *
 * Output: one line per problem, `README:line:column error TSnnnn: message`, then a summary. Exits
 * 1 on any problem. `--keep` leaves the generated files for inspection.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The languages checked, as written after the opening fence. */
const CHECKED_LANGUAGES = new Map([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['mts', 'ts'],
  ['tsx', 'tsx'],
]);

/** One fenced TypeScript block of a README, with what is needed to report in README lines. */
export interface Snippet {
  /** The README, relative to the repository root, with forward slashes. */
  readme: string;
  /** 1-based README line of the opening fence. */
  line: number;
  extension: 'ts' | 'tsx';
  /** The block's text (indentation of an indented fence removed). */
  code: string;
  /** The prelude's text, '' when there is none. */
  prelude: string;
  /** 1-based README line of the prelude's first declaration line (0 when there is none). */
  preludeLine: number;
  skip: boolean;
}

/** A problem with a README: a type error in a snippet, or a marker used wrongly. */
export interface SnippetProblem {
  readme: string;
  line: number;
  column: number;
  message: string;
}

interface Marker {
  kind: 'skip' | 'prelude';
  /** 1-based line of the `<!--`. */
  line: number;
  /** Prelude text, for `prelude`. */
  text: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const MARKER_START = /^\s*<!--\s*snippet:\s*(\S+)(.*)$/;

/**
 * The fenced TypeScript blocks of one README and the problems with its markers (a marker that is
 * not directly above a checked block, an unknown marker, a prelude that runs code).
 */
export function extractSnippets(
  markdown: string,
  readme: string,
): { snippets: Snippet[]; problems: SnippetProblem[] } {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  const problems: SnippetProblem[] = [];
  let pending: Marker[] = [];
  const problem = (line: number, message: string) => problems.push({ readme, line, column: 1, message });
  const dropPending = (why: string) => {
    for (const marker of pending) problem(marker.line, `"snippet: ${marker.kind}" ${why}`);
    pending = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const markerStart = MARKER_START.exec(text);
    if (markerStart) {
      const kind = markerStart[1]!;
      const start = i;
      // The comment runs to the first line containing `-->`.
      let body = markerStart[2]!;
      while (!body.includes('-->') && i + 1 < lines.length) body += `\n${lines[++i]!}`;
      if (!body.includes('-->')) {
        problem(start + 1, 'unterminated "snippet:" comment');
        break;
      }
      const inner = body.slice(0, body.indexOf('-->'));
      if (kind === 'skip' && inner.trim() === '') pending.push({ kind, line: start + 1, text: '' });
      else if (kind === 'prelude') {
        const [first = '', ...rest] = inner.split('\n');
        if (first.trim() !== '')
          problem(start + 1, 'a prelude starts on the line after "<!-- snippet: prelude"');
        pending.push({ kind, line: start + 1, text: rest.join('\n') });
      } else
        problem(start + 1, `unknown marker "snippet: ${kind}${inner.trimEnd()}" (use "skip" or "prelude")`);
      continue;
    }

    const fence = FENCE.exec(text);
    if (!fence) {
      if (text.trim() !== '' && pending.length > 0) dropPending('is not directly above a code block');
      continue;
    }
    const [, indent, marks, info] = fence as unknown as [string, string, string, string];
    if (marks.startsWith('`') && info.includes('`')) {
      // Inline code at the start of a line, not a fence.
      if (pending.length > 0) dropPending('is not directly above a code block');
      continue;
    }
    // Find the closing fence: same character, at least as long, nothing but blanks after it.
    const closing = new RegExp(`^\\s*${marks[0] === '`' ? '`' : '~'}{${marks.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end]!)) end++;
    const language = info.trim().split(/\s+/)[0]!.toLowerCase();
    const extension = CHECKED_LANGUAGES.get(language) as Snippet['extension'] | undefined;
    if (extension === undefined) {
      if (pending.length > 0) dropPending(`is above a "${language || 'plain'}" block, which is not checked`);
    } else {
      const body = lines
        .slice(i + 1, end)
        .map((line) => line.replace(new RegExp(`^ {0,${indent.length}}`), ''))
        .join('\n');
      const skip = pending.some((marker) => marker.kind === 'skip');
      const preludes = pending.filter((marker) => marker.kind === 'prelude');
      if (preludes.length > 1) problem(preludes[1]!.line, 'one "snippet: prelude" per block');
      if (skip && preludes.length > 0) problem(preludes[0]!.line, 'a skipped block needs no prelude');
      const prelude = preludes[0];
      snippets.push({
        readme,
        line: i + 1,
        extension,
        code: body,
        prelude: prelude?.text ?? '',
        preludeLine: prelude ? prelude.line + 1 : 0,
        skip,
      });
      pending = [];
    }
    i = end;
  }
  if (pending.length > 0) dropPending('is not directly above a code block');
  return { snippets, problems };
}

/** Problems with a prelude's content: anything other than imports and declarations. */
function checkPrelude(snippet: Snippet): SnippetProblem[] {
  const source = ts.createSourceFile('prelude.ts', snippet.prelude, ts.ScriptTarget.Latest, true);
  const problems: SnippetProblem[] = [];
  const report = (node: ts.Node, message: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push({
      readme: snippet.readme,
      line: snippet.preludeLine + line,
      column: character + 1,
      message,
    });
  };
  for (const statement of source.statements) {
    const declared =
      ts.isImportDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some(
          (modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword,
        ));
    if (!declared)
      report(statement, 'a prelude holds only imports, `declare` statements, types and interfaces');
    else if (ts.isModuleDeclaration(statement))
      report(statement, 'a prelude may not declare or augment modules (`declare module`, `declare global`)');
  }
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) report(node, 'a prelude may not declare `any`');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** `@ts-ignore` and `@ts-nocheck` in a snippet or prelude: they would hide the errors checked here. */
function checkSuppressions(snippet: Snippet): SnippetProblem[] {
  const problems: SnippetProblem[] = [];
  const scan = (text: string, firstLine: number) =>
    text.split('\n').forEach((line, index) => {
      const match = /@ts-(ignore|nocheck)\b/.exec(line);
      if (match)
        problems.push({
          readme: snippet.readme,
          line: firstLine + index,
          column: match.index + 1,
          message: `\`${match[0]}\` would hide errors; fix the snippet (or use @ts-expect-error to show one)`,
        });
    });
  scan(snippet.prelude, snippet.preludeLine);
  scan(snippet.code, snippet.line + 1);
  return problems;
}

/** The workspace file a stylesheet specifier such as `@deliberate/charts/charts.css` names, or a reason. */
function resolveStylesheet(specifier: string, fromDir: string): string | { error: string } {
  if (specifier.startsWith('.')) return path.resolve(fromDir, specifier);
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const subpath = `.${specifier.slice(name.length)}`;
  const packageDir = path.join(root, 'node_modules', name);
  if (!existsSync(path.join(packageDir, 'package.json')))
    return { error: `package ${name} is not installed` };
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    exports?: Record<string, string | Record<string, string>>;
  };
  if (manifest.exports === undefined) return path.join(packageDir, subpath);
  const target = manifest.exports[subpath];
  if (target === undefined) return { error: `${name} exports no "${subpath}"` };
  const file = typeof target === 'string' ? target : (target['@deliberate/source'] ?? target['default']);
  if (file === undefined) return { error: `${name} "${subpath}" has no default or source target` };
  return path.join(realpathSync(packageDir), file);
}

/** Checks stylesheet imports against the packages' exports (TypeScript cannot resolve CSS). */
function checkStylesheets(snippet: Snippet, file: string): SnippetProblem[] {
  const problems: SnippetProblem[] = [];
  snippet.code.split('\n').forEach((line, index) => {
    const match = /import\s+(?:[^'"]*\s+from\s+)?['"]([^'"]+\.css)['"]/.exec(line);
    if (!match) return;
    const resolved = resolveStylesheet(match[1]!, path.dirname(file));
    const error =
      typeof resolved === 'string'
        ? existsSync(resolved)
          ? null
          : `${match[1]} names a missing file`
        : resolved.error;
    if (error !== null)
      problems.push({
        readme: snippet.readme,
        line: snippet.line + 1 + index,
        column: match.index + 1,
        message: `cannot resolve stylesheet: ${error}`,
      });
  });
  return problems;
}

/** README.md at the root and in every packages/* and examples/* directory that has one. */
export function findReadmes(base = root): string[] {
  const readmes = existsSync(path.join(base, 'README.md')) ? ['README.md'] : [];
  for (const group of ['packages', 'examples']) {
    const dir = path.join(base, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const readme = `${group}/${entry.name}/README.md`;
      if (entry.isDirectory() && existsSync(path.join(base, readme))) readmes.push(readme);
    }
  }
  return readmes;
}

/** The compiler options snippets are checked with: the repository's base options, no emit. */
function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.base.json');
  const { config, error } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { ...config.compilerOptions, noEmit: true, types: ['node'] },
    root,
    configPath,
  );
  if (errors.length > 0)
    throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
  return options;
}

/**
 * Writes the snippets (prelude in front) into `outDir` and type-checks them in one program.
 * Returns every problem in README coordinates.
 */
export function checkSnippets(snippets: readonly Snippet[], outDir: string): SnippetProblem[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Bundlers import stylesheets; checkStylesheets() checks that the file exists.
  const ambient = path.join(outDir, 'stylesheets.d.ts');
  writeFileSync(ambient, "declare module '*.css';\n");

  const problems: SnippetProblem[] = [];
  /** For each generated file: README and, per 0-based file line, the 1-based README line. */
  const origins = new Map<string, { readme: string; lines: number[] }>();
  for (const snippet of snippets) {
    if (snippet.skip) continue;
    problems.push(...checkPrelude(snippet), ...checkSuppressions(snippet));
    const name = `${snippet.readme.replace(/\/README\.md$|\.md$/, '').replace(/[^\w-]+/g, '_')}-L${snippet.line}.${snippet.extension}`;
    const file = path.join(outDir, name);
    const preludeLines = snippet.prelude === '' ? [] : snippet.prelude.replace(/\n$/, '').split('\n');
    const codeLines = snippet.code.split('\n');
    writeFileSync(file, [...preludeLines, ...codeLines].join('\n') + '\n');
    origins.set(path.normalize(file), {
      readme: snippet.readme,
      lines: [
        ...preludeLines.map((_, index) => snippet.preludeLine + index),
        ...codeLines.map((_, index) => snippet.line + 1 + index),
      ],
    });
    problems.push(...checkStylesheets(snippet, file));
  }
  if (origins.size === 0) return problems;

  const program = ts.createProgram({ rootNames: [ambient, ...origins.keys()], options: compilerOptions() });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = `error TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    const origin = diagnostic.file ? origins.get(path.normalize(diagnostic.file.fileName)) : undefined;
    if (!diagnostic.file || origin === undefined || diagnostic.start === undefined) {
      // An error outside the snippets (a package's own source, the options): report it as it is.
      const where = diagnostic.file ? path.relative(root, diagnostic.file.fileName) : '(compiler)';
      problems.push({ readme: where, line: 0, column: 0, message });
      continue;
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    problems.push({ readme: origin.readme, line: origin.lines[line] ?? 0, column: character + 1, message });
  }
  return problems;
}

function main(): number {
  const keep = process.argv.includes('--keep');
  const outDir = path.join(root, 'node_modules', '.cache', 'readme-snippets');
  const snippets: Snippet[] = [];
  const problems: SnippetProblem[] = [];
  const readmes = findReadmes();
  for (const readme of readmes) {
    const extracted = extractSnippets(readFileSync(path.join(root, readme), 'utf8'), readme);
    snippets.push(...extracted.snippets);
    problems.push(...extracted.problems);
  }
  problems.push(...checkSnippets(snippets, outDir));
  if (!keep) rmSync(outDir, { recursive: true, force: true });

  problems.sort((a, b) => a.readme.localeCompare(b.readme) || a.line - b.line || a.column - b.column);
  for (const problem of problems) {
    const where = problem.line > 0 ? `${problem.readme}:${problem.line}:${problem.column}` : problem.readme;
    console.log(`${where} ${problem.message}`);
  }
  const skipped = snippets.filter((snippet) => snippet.skip);
  for (const snippet of skipped) console.log(`skipped: ${snippet.readme}:${snippet.line}`);
  const checked = snippets.length - skipped.length;
  console.log(
    `README snippets: ${checked} checked in ${readmes.length} READMEs, ${skipped.length} skipped, ` +
      `${problems.length} problem(s)${keep ? ` (files kept in ${path.relative(root, outDir)})` : ''}`,
  );
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
