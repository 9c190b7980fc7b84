import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * @deliberate/core must run anywhere: on a server, in a worker, under any UI framework. This test
 * reads every source file of the package (tests excluded) and fails on a forbidden import or a
 * reference to a browser global, whatever the lint configuration says.
 */

const srcDir = path.dirname(new URL(import.meta.url).pathname);
const FORBIDDEN_MODULES = /^(react|react-dom|d3|d3-[a-z-]+)(\/|$)/;
const FORBIDDEN_GLOBALS = new Set([
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  what: string;
}

function scan(file: string): Finding[] {
  return scanSource(path.relative(srcDir, file), readFileSync(file, 'utf8'));
}

function scanSource(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const at = (node: ts.Node, what: string) =>
    findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const spec = (node.moduleSpecifier as ts.StringLiteral).text;
      if (FORBIDDEN_MODULES.test(spec)) at(node, `imports ${spec}`);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg) && FORBIDDEN_MODULES.test(arg.text)) at(node, `imports ${arg.text}`);
    }
    if (
      ts.isExpressionStatement(node) &&
      ts.isStringLiteral(node.expression) &&
      node.expression.text === 'use client'
    ) {
      at(node, "carries 'use client'");
    }
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isPropertySignature(parent);
      if (!isPropertyName) at(node, `uses the browser global ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('@deliberate/core boundary', () => {
  const files = sourceFiles(srcDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports neither React, react-dom nor d3, uses no browser global and carries no "use client"', () => {
    expect(files.flatMap(scan)).toEqual([]);
  });

  it('catches forbidden imports, browser globals and "use client" (the scanner is not blind)', () => {
    const text = [
      "'use client';",
      "import { useState } from 'react';",
      "export { scaleLinear } from 'd3-scale';",
      'export const w = window.innerWidth;',
      'export const fine = { document: 1 }.document;',
    ].join('\n');
    expect(scanSource('probe.ts', text).map((f) => `${f.line}: ${f.what}`)).toEqual([
      "1: carries 'use client'",
      '2: imports react',
      '3: imports d3-scale',
      '4: uses the browser global window',
    ]);
  });
});
