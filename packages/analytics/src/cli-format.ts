/*
 * The CLI's readable verdicts for `verify` and for conflicting copies (metrics, report). The
 * CLI speaks English like its usage text; `--json` is the form for programs.
 */
import type { CheckpointProblem } from './checkpoints.ts';
import type { LogCheckpointViolation, LogVerification } from './node.ts';
import type { InputSummary } from './types.ts';

const fmt = new Intl.NumberFormat('en-GB');

function where(violation: LogCheckpointViolation): string {
  const { checkpoint } = violation;
  if (checkpoint === null) return 'no checkpoint';
  const line =
    violation.checkpointLine === undefined ? '' : `, line ${violation.checkpointLine} of the checkpoints`;
  return `checkpoint seq ${checkpoint.seq}${checkpoint.signedAt ? ` signed ${checkpoint.signedAt}` : ''}${line}`;
}

/**
 * The readable verdict of `verify`: the first break, each violated checkpoint, each checkpoint
 * whose signature failed, then the counts.
 *
 * @example
 * io.stdout.write(formatVerification(result, problems, 'checkpoints.ndjson'));
 */
export function formatVerification(
  result: LogVerification,
  problems: readonly CheckpointProblem[],
  checkpointsFile: string | undefined,
): string {
  let out = '';
  const { firstBreak } = result;
  const violations = result.checkpoints?.violations ?? [];
  const failing = violations.filter((violation) => !(result.ok && violation.kind === 'unanchored-tail'));
  const ok = result.ok && problems.length === 0;
  if (firstBreak) {
    out += `BROKEN: chain ${firstBreak.chain} at seq ${firstBreak.seq ?? '?'} (${firstBreak.kind}), line ${firstBreak.line}: ${firstBreak.message}\n`;
  }
  for (const problem of problems) out += `BAD CHECKPOINT: ${problem.message}\n`;
  for (const violation of violations) {
    const label = failing.includes(violation) ? 'VIOLATED' : 'WARNING';
    const at =
      violation.line === null ? `after the last line` : `seq ${violation.seq ?? '?'}, line ${violation.line}`;
    out += `${label}: chain ${violation.chain}, ${where(violation)} (${violation.kind}) at ${at}: ${violation.message}\n`;
  }
  const counts = `${fmt.format(result.events)} events checked, ${fmt.format(result.duplicates)} exact duplicates`;
  if (ok) {
    out += `OK: ${fmt.format(result.chains)} chains intact; ${counts}.\n`;
  } else {
    out += `FAILED: ${fmt.format(result.brokenChains)} of ${fmt.format(result.chains)} chains broken, ${fmt.format(failing.length)} checkpoint violations, ${fmt.format(problems.length)} bad checkpoints; ${counts}.\n`;
  }
  if (result.checkpoints && checkpointsFile !== undefined) {
    const { given, held, beforeSlice } = result.checkpoints;
    out += `Checkpoints (${checkpointsFile}): ${fmt.format(given)} with a valid signature, ${fmt.format(held)} held, ${fmt.format(beforeSlice)} before the start of a slice.\n`;
  } else {
    out +=
      'Without checkpoints, a cut-off tail, events appended with correct links, or a chain re-hashed or replaced as a whole cannot be detected (use --checkpoints/--public-key, or --heads).\n';
  }
  if (result.slicedChains > 0) {
    out += `${fmt.format(result.slicedChains)} chains start after genesis at a known checkpoint or head (a slice).\n`;
  }
  if (result.malformed.count > 0) {
    out += `${fmt.format(result.malformed.count)} malformed lines (not JSON or not a valid event): ${result.malformed.lines.join(', ')}${result.malformed.count > result.malformed.lines.length ? ', …' : ''}\n`;
  }
  return out;
}

/**
 * Conflicting copies for standard error: each listed with both line numbers, and what was done.
 *
 * @example
 * io.stderr.write(formatConflicts(engine.input().conflicts, false));
 */
export function formatConflicts(conflicts: InputSummary['conflicts'], accepted: boolean): string {
  let out = '';
  for (const conflict of conflicts.list) {
    out += `conflict: id ${conflict.id} at lines ${conflict.lines[0]} and ${conflict.lines[1]} (same id, different content)\n`;
  }
  if (conflicts.count > conflicts.list.length)
    out += `… and ${fmt.format(conflicts.count - conflicts.list.length)} more\n`;
  out += `${fmt.format(conflicts.count)} conflicting copies of ${fmt.format(conflicts.ids)} event ids; the ${fmt.format(conflicts.decisionsExcluded)} decisions they belong to are left out of every metric (a conflict is never resolved by order).\n`;
  out += accepted
    ? 'Accepted with --accept-conflicts.\n'
    : 'Exit 3: the log holds conflicting copies. Find out which copy is genuine (deliberate verify), or pass --accept-conflicts to accept the result without those decisions.\n';
  return out;
}
