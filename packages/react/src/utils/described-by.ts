/**
 * One `aria-describedby` (or `aria-labelledby`) value from the ids of the elements that describe
 * an element: missing ids (`undefined`, `null`, `false`, `''`) and repeats are left out, and
 * `undefined` comes back when nothing is left, so that no empty attribute is rendered (an empty
 * `aria-describedby` is a reference to nothing).
 *
 * @example
 * describedBy(hintId, error && errorId); // 'hint' or 'hint error'
 */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const unique = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  return unique.length === 0 ? undefined : unique.join(' ');
}
