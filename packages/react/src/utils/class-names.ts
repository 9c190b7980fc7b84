/**
 * A `className` from the part's own class and the host's: falsy entries are left out.
 *
 * @example
 * <div className={cx('dlb-explanation', className)} />
 */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
