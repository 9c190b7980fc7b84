/**
 * SVG path data for straight segments, as d3-shape writes it with its default `curveLinear` and
 * 3 decimal digits: "M1,2L3,4". The charts draw only straight lines, so these few lines replace
 * d3-shape, whose bundle (every curve, arc and symbol) cannot be tree-shaken.
 */

/** A point in px, or `null` where the data has a gap. */
export type PathPoint = readonly [x: number, y: number] | null;

const xy = ([x, y]: readonly [number, number]) => `${Math.round(x * 1e3) / 1e3},${Math.round(y * 1e3) / 1e3}`;

/** The runs of consecutive defined points (d3-shape's `.defined()`). */
function runs<P>(points: readonly (P | null)[]): P[][] {
  const result: P[][] = [];
  let run: P[] = [];
  for (const point of [...points, null]) {
    if (point) run.push(point);
    else if (run.length > 0) {
      result.push(run);
      run = [];
    }
  }
  return result;
}

/** A closed polygon through the points ("M…L…Z"). */
export function polygonPath(points: readonly (readonly [number, number])[]): string {
  return `M${points.map(xy).join('L')}Z`;
}

/**
 * A polyline, broken wherever a point is `null` (d3-shape `line().defined()`); a lone point
 * becomes "M x,y Z", as in d3, so a round line cap can still show it.
 */
export function linePath(points: readonly PathPoint[]): string {
  return runs(points)
    .map((run) => `M${run.map(xy).join('L')}${run.length === 1 ? 'Z' : ''}`)
    .join('');
}

/**
 * A band between an upper and a lower edge, broken where a point is `null` (d3-shape
 * `area().defined()`): along the upper edge, back along the lower one, closed.
 */
export function bandPath(
  points: readonly (readonly [x: number, high: number, low: number] | null)[],
): string {
  return runs(points)
    .map(
      (run) =>
        `M${run.map(([x, high]) => xy([x, high])).join('L')}L${run
          .map(([x, , low]) => xy([x, low]))
          .reverse()
          .join('L')}Z`,
    )
    .join('');
}
