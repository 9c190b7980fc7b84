/** A tick ready to draw: its data value, its position in px and its formatted label. */
export interface AxisTick {
  value: number;
  position: number;
  label: string;
}

/**
 * A horizontal axis at `y` from `x0` to `x1`. Decorative for assistive technology: the marks and
 * the table carry the numbers.
 */
export function AxisBottom({
  ticks,
  x0,
  x1,
  y,
  label,
  labelY,
}: {
  ticks: AxisTick[];
  x0: number;
  x1: number;
  y: number;
  label?: string | undefined;
  labelY?: number | undefined;
}) {
  return (
    <g className="dlb-chart__axis dlb-chart__axis--bottom" aria-hidden="true">
      <line className="dlb-chart__axis-line" x1={x0} x2={x1} y1={y} y2={y} />
      {ticks.map((tick) => (
        <g key={tick.value} transform={`translate(${tick.position},${y})`}>
          <line className="dlb-chart__tick" y2={5} />
          <text className="dlb-chart__tick-label" y={17} textAnchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      {label ? (
        <text className="dlb-chart__axis-label" x={(x0 + x1) / 2} y={labelY ?? y + 34} textAnchor="middle">
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A vertical axis at `x` with optional horizontal grid lines to `gridTo`. */
export function AxisLeft({
  ticks,
  x,
  y0,
  y1,
  gridTo,
  label,
}: {
  ticks: AxisTick[];
  x: number;
  y0: number;
  y1: number;
  gridTo?: number | undefined;
  label?: string | undefined;
}) {
  return (
    <g className="dlb-chart__axis dlb-chart__axis--left" aria-hidden="true">
      {gridTo !== undefined
        ? ticks.map((tick) => (
            <line
              key={`grid-${tick.value}`}
              className="dlb-chart__grid"
              x1={x}
              x2={gridTo}
              y1={tick.position}
              y2={tick.position}
            />
          ))
        : null}
      <line className="dlb-chart__axis-line" x1={x} x2={x} y1={y0} y2={y1} />
      {ticks.map((tick) => (
        <g key={tick.value} transform={`translate(${x},${tick.position})`}>
          <line className="dlb-chart__tick" x2={-5} />
          <text className="dlb-chart__tick-label" x={-8} dy="0.32em" textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      {label ? (
        <text className="dlb-chart__axis-label" x={4} y={Math.min(y0, y1) - 10} textAnchor="start">
          {label}
        </text>
      ) : null}
    </g>
  );
}

/**
 * The hover/focus highlight behind the active mark. One element drawn under the lines and points
 * (a per-mark fill would cover them); the focus ring itself stays on the mark.
 */
export function Highlight({
  box,
  path,
}: {
  box?: { x: number; y: number; width: number; height: number } | undefined;
  path?: string | undefined;
}) {
  if (path) return <path className="dlb-chart__highlight" d={path} aria-hidden="true" />;
  if (box) {
    return (
      <rect
        className="dlb-chart__highlight"
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        aria-hidden="true"
      />
    );
  }
  return null;
}
