/** Minimal typing for asciichart (no @types package). */
declare module 'asciichart' {
  export function plot(series: number[] | number[][], config?: { height?: number; colors?: string[]; format?: (x: number) => string }): string;
  const asciichart: { plot: typeof plot };
  export default asciichart;
}
