import { useCallback, useEffect, useRef, useState } from 'react';
import { isDev } from './dev.ts';

export interface UseControllableStateParams<T> {
  /** The controlled value; `undefined` means uncontrolled. */
  prop?: T | undefined;
  /** The initial value when uncontrolled. */
  defaultProp: T;
  /** Called with every change, controlled or not. */
  onChange?: ((value: T) => void) | undefined;
  /** Used in the development warning. */
  name: string;
}

/**
 * State that a parent may control (`value` + `onValueChange`) or leave to the component
 * (`defaultValue`), as Radix and React Aria components do. Switching between the two during a
 * component's life is a bug in the host; it is reported once in development.
 *
 * @example
 * const [open, setOpen] = useControllableState({ prop: props.open, defaultProp: false, onChange: props.onOpenChange, name: 'Panel' });
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  name,
}: UseControllableStateParams<T>) {
  const [uncontrolled, setUncontrolled] = useState(defaultProp);
  const isControlled = prop !== undefined;
  const wasControlled = useRef(isControlled);
  useEffect(() => {
    if (wasControlled.current !== isControlled && isDev()) {
      console.warn(
        `${name} is changing from ${wasControlled.current ? 'controlled' : 'uncontrolled'} to ${
          isControlled ? 'controlled' : 'uncontrolled'
        }. Decide between a controlled value and a default value for the lifetime of the component.`,
      );
    }
    wasControlled.current = isControlled;
  }, [isControlled, name]);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const value = isControlled ? prop : uncontrolled;
  const setValue = useCallback(
    (next: T) => {
      if (!isControlled) setUncontrolled(next);
      onChangeRef.current?.(next);
    },
    [isControlled],
  );
  return [value, setValue] as const;
}
