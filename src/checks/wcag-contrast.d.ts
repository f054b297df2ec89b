// wcag-contrast ships no types.
declare module 'wcag-contrast' {
  /** The WCAG 2 contrast ratio of two sRGB colours, 1 to 21. */
  export function rgb(a: [number, number, number], b: [number, number, number]): number;
}
