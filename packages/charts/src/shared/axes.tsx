/** A tick: its data value and its position in px. */
export interface AxisTick<V = number> {
  value: V;
  position: number;
}

/** The plot area in px. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface AxisProps<V> {
  ticks: readonly AxisTick<V>[];
  /** The tick label. */
  format: (value: V) => string;
  plot: PlotArea;
  label?: string | undefined;
}

/**
 * A horizontal axis along the plot's width, at its bottom or at `y`. Decorative for assistive
 * technology: the marks and the table carry the numbers.
 */
export function AxisBottom<V extends number | Date>({
  ticks,
  format,
  plot,
  y = plot.bottom,
  label,
}: AxisProps<V> & { y?: number }) {
  return (
    <g className="dlb-chart__axis dlb-chart__axis--bottom" aria-hidden="true">
      <line className="dlb-chart__axis-line" x1={plot.left} x2={plot.right} y1={y} y2={y} />
      {ticks.map((tick) => (
        <g key={+tick.value} transform={`translate(${tick.position},${y})`}>
          <line className="dlb-chart__tick" y2={5} />
          <text className="dlb-chart__tick-label" y={17} textAnchor="middle">
            {format(tick.value)}
          </text>
        </g>
      ))}
      {label ? (
        <text
          className="dlb-chart__axis-label"
          x={(plot.left + plot.right) / 2}
          y={y + 34}
          textAnchor="middle"
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A vertical axis along the plot's left edge, with horizontal grid lines across the plot. */
export function AxisLeft({ ticks, format, plot, label }: AxisProps<number>) {
  const { left: x } = plot;
  return (
    <g className="dlb-chart__axis dlb-chart__axis--left" aria-hidden="true">
      {ticks.map((tick) => (
        <line
          key={`grid-${tick.value}`}
          className="dlb-chart__grid"
          x1={x}
          x2={plot.right}
          y1={tick.position}
          y2={tick.position}
        />
      ))}
      <line className="dlb-chart__axis-line" x1={x} x2={x} y1={plot.bottom} y2={plot.top} />
      {ticks.map((tick) => (
        <g key={tick.value} transform={`translate(${x},${tick.position})`}>
          <line className="dlb-chart__tick" x2={-5} />
          <text className="dlb-chart__tick-label" x={-8} dy="0.32em" textAnchor="end">
            {format(tick.value)}
          </text>
        </g>
      ))}
      {label ? (
        <text
          className="dlb-chart__axis-label"
          x={4}
          y={Math.min(plot.bottom, plot.top) - 10}
          textAnchor="start"
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}
