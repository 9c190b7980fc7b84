/**
 * A layout as JSON with every non-finite number made visible, for "no NaN anywhere" checks. The
 * caller's own input objects (`bin`, `factor`) are echoed as given and left out.
 */
export function serialised(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (key === 'bin' || key === 'factor') return undefined;
    return typeof inner === 'number' && !Number.isFinite(inner) ? `NON-FINITE(${String(inner)})` : inner;
  });
}
