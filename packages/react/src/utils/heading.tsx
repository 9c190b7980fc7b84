import { forwardRef, type HTMLAttributes } from 'react';

/*
 * Parts render their headings at a level the host chooses, so that they fit the host page's
 * outline (WCAG 1.3.1). One component for all of them instead of a tag map in every file.
 */

const TAGS = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

/** A heading level, 1–6. */
export type HeadingLevel = keyof typeof TAGS;

/** `level` clamped to 1–6, so that a part nested below its host's heading never asks for h7. */
export function clampHeadingLevel(level: number): HeadingLevel {
  return Math.min(6, Math.max(1, Math.round(level))) as HeadingLevel;
}

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  /** The level; values outside 1–6 are clamped. */
  level: number;
}

/**
 * An `h1`–`h6` for `level`; forwards its ref and spreads the other props.
 *
 * @example
 * <Heading level={headingLevel + 1} id={titleId}>Evidence</Heading>
 */
export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading(
  { level, ...rest },
  ref,
) {
  const Tag = TAGS[clampHeadingLevel(level)];
  return <Tag {...rest} ref={ref} />;
});
Heading.displayName = 'Heading';
