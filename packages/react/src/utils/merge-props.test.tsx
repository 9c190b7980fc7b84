import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useComposedRefs } from './merge-props.ts';

describe('useComposedRefs', () => {
  it('keeps one callback while the refs stay the same, and a new one when a ref changes', () => {
    const first = { current: null };
    const callback = vi.fn();
    const { result, rerender } = renderHook(({ ref }) => useComposedRefs<string>(ref, callback), {
      initialProps: { ref: first as { current: string | null } },
    });
    const initial = result.current;
    rerender({ ref: first });
    expect(result.current).toBe(initial);
    rerender({ ref: { current: null } });
    expect(result.current).not.toBe(initial);
    result.current('node');
    expect(callback).toHaveBeenCalledWith('node');
  });
});
