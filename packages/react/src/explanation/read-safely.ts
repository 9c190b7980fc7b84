import type { PanelIssue, PanelSlice } from './explanation-data.ts';

/*
 * Reading untrusted payloads without throwing (getters that throw, revoked proxies): every read
 * is guarded and what could not be read becomes a `PanelIssue`. No React.
 */

export type Path = PanelIssue['path'];

export interface SafeParser<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ZodLikeIssue[] } };
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
}

export class Reader {
  readonly issues: PanelIssue[] = [];

  add(path: Path, kind: PanelIssue['kind']): void {
    this.issues.push({ path: [...path], kind });
  }

  /** `owner[key]`, or `undefined` with an `unreadable` issue when reading throws. */
  read(owner: unknown, key: string | number, path: Path): unknown {
    try {
      if (owner === null || typeof owner !== 'object') return undefined;
      return (owner as Record<string | number, unknown>)[key];
    } catch {
      this.add(path, 'unreadable');
      return undefined;
    }
  }

  /** The elements of an array (each read safely), or `null` for anything else. */
  elements(value: unknown, path: Path): unknown[] | null {
    if (!isArray(value)) return null;
    const length = this.read(value, 'length', path);
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return null;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(this.read(value, i, [...path, i]));
    return out;
  }

  /** Parses with a core schema; on failure records every issue (under `path`) and returns `undefined`. */
  parse<T>(schema: SafeParser<T>, value: unknown, path: Path): T | undefined {
    try {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        const at = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
        this.add([...path, ...at], issueKind(issue, valueAt(value, at)));
      }
      return undefined;
    } catch {
      this.add(path, 'unreadable');
      return undefined;
    }
  }
}

function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) {
    try {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string | number, unknown>)[key];
    } catch {
      return undefined;
    }
  }
  return current;
}

function issueKind(issue: ZodLikeIssue, value: unknown): PanelIssue['kind'] {
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union'))
    return 'missing';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'range';
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      return 'type';
    case 'too_small':
    case 'too_big':
      return typeof value === 'number' ? 'range' : 'invalid';
    default:
      return 'invalid';
  }
}

export function slice<T>(data: T | undefined, issues: PanelIssue[]): PanelSlice<T> {
  if (data === undefined) return { status: 'invalid', issues };
  return issues.length === 0 ? { status: 'valid', data, issues: [] } : { status: 'partial', data, issues };
}
