import { describe, expect, it, vi } from 'vitest';
import { cancelable, runCancelable } from './cancelable.ts';
import { cx } from './class-names.ts';
import { describedBy } from './described-by.ts';
import { clampHeadingLevel } from './heading.tsx';
import { composeRefs, mergeProps } from './merge-props.ts';

describe('describedBy', () => {
  it('joins the ids that are there, once each, and gives no attribute when none is', () => {
    expect(describedBy('hint', false, undefined, 'error', null, '', 'hint')).toBe('hint error');
    expect(describedBy(undefined, false, null, '')).toBeUndefined();
  });
});

describe('cx', () => {
  it('keeps the part’s class first and leaves out what the host did not give', () => {
    expect(cx('dlb-recommendation', undefined, 'host', false)).toBe('dlb-recommendation host');
  });
});

describe('clampHeadingLevel', () => {
  it('keeps the level asked for and never goes below h6 or above h1', () => {
    expect(clampHeadingLevel(3)).toBe(3);
    expect(clampHeadingLevel(7)).toBe(6);
    expect(clampHeadingLevel(0)).toBe(1);
  });
});

describe('cancelable and runCancelable', () => {
  it('runs the callbacks in order until one cancels, by preventDefault or by returning false', () => {
    const calls: string[] = [];
    const byReturn = cancelable({ type: 'finalize' });
    const goOn = runCancelable(
      byReturn,
      () => void calls.push('host'),
      () => {
        calls.push('provider');
        return false;
      },
      () => void calls.push('never'),
    );
    expect(goOn).toBe(false);
    expect(byReturn.defaultPrevented).toBe(true);
    expect(calls).toEqual(['host', 'provider']);

    const byMethod = cancelable('commit');
    expect(runCancelable(byMethod, (event) => event.preventDefault())).toBe(false);
    expect(runCancelable(cancelable('commit'), undefined, () => undefined)).toBe(true);
  });
});

describe('mergeProps', () => {
  it('runs the host’s handler first and lets it cancel the part’s own', () => {
    const own = vi.fn();
    const merged = mergeProps({ onClick: (event: Event) => event.preventDefault() }, { onClick: own });
    const cancelled = new Event('click', { cancelable: true });
    merged.onClick(cancelled);
    expect(own).not.toHaveBeenCalled();

    const passes = mergeProps({ onClick: vi.fn() }, { onClick: own });
    passes.onClick(new Event('click', { cancelable: true }));
    expect(own).toHaveBeenCalledTimes(1);
  });

  it('joins classes and the ids that label or describe, merges styles, and lets the later bag win otherwise', () => {
    const merged = mergeProps(
      {
        className: 'host',
        'aria-labelledby': 'case-name',
        style: { color: 'red' },
        role: 'region',
        title: 'x',
      },
      {
        className: 'dlb-part',
        'aria-labelledby': 'heading',
        style: { margin: 0 },
        role: 'group',
        title: undefined,
      },
    );
    expect(merged).toEqual({
      className: 'host dlb-part',
      'aria-labelledby': 'case-name heading',
      style: { color: 'red', margin: 0 },
      role: 'group',
      title: 'x',
    });
  });
});

describe('composeRefs', () => {
  it('sets object and callback refs alike', () => {
    const object: { current: string | null } = { current: null };
    const callback = vi.fn();
    composeRefs<string>(object, callback, undefined, null)('node');
    expect(object.current).toBe('node');
    expect(callback).toHaveBeenCalledWith('node');
  });
});
