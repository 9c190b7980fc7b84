import { spawn } from 'node:child_process';
import path from 'node:path';

/*
 * The `deliberate` CLI as people run it, for tests: a separate process through tsx (the workspace
 * resolves @deliberate/* to source through the `@deliberate/source` condition).
 */

const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = path.resolve(import.meta.dirname, '../cli.ts');

/** What one run of the CLI gave. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `deliberate …args` in `cwd`, with `stdin` as its standard input (empty by default). */
export function runCli(args: readonly string[], cwd: string, stdin?: Buffer | string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['--conditions=@deliberate/source', cli, ...args], {
      cwd,
      // tsx reads the tsconfig of the working directory; point it at the workspace's (JSX runtime).
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(stdin ?? '');
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
