import type { ReactNode } from 'react';

/**
 * A line icon drawn inline (24×24 grid, current colour): the app ships no icon font, and an emoji
 * depends on the system's fonts. Decorative: the control it sits in carries the words.
 */
export function StrokeIcon({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
