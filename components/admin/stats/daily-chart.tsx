import { useId } from "react";

export interface ChartPoint {
  day: string;
  value: number;
}

interface Props {
  title: string;
  /** What the chart shows, read out by screen readers with the title. */
  description: string;
  points: ChartPoint[];
  format: (value: number) => string;
  dayLabel: (day: string) => string;
}

const BAR_SLOT = 10;
const HEIGHT = 100;

/**
 * One bar per day as an inline SVG that stretches to any width (so it fits a phone). Screen
 * readers get the title and description; the numbers themselves are in the table next to it.
 * Each day is a full-height group with its own <title>, so even an empty day shows a tooltip.
 */
export function DailyChart({ title, description, points, format, dayLabel }: Props) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(0, ...points.map((point) => point.value));
  const first = points[0];
  const last = points.at(-1);
  return (
    <div className="chart">
      <h3 className="chart__title">{title}</h3>
      <div className="chart__scale muted" aria-hidden="true">
        <span>{format(max)}</span>
        <span>0</span>
      </div>
      <svg
        className="chart__plot"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${points.length * BAR_SLOT} ${HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height="120"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {points.map((point, index) => {
          const height = max ? (point.value / max) * (HEIGHT - 4) : 0;
          return (
            <g key={point.day}>
              <title>{`${dayLabel(point.day)}: ${format(point.value)}`}</title>
              <rect x={index * BAR_SLOT} y={0} width={BAR_SLOT} height={HEIGHT} fill="transparent" />
              <rect className="chart__bar" x={index * BAR_SLOT + 1} y={HEIGHT - height} width={BAR_SLOT - 2} height={height} />
            </g>
          );
        })}
        <line className="chart__axis" x1={0} x2={points.length * BAR_SLOT} y1={HEIGHT} y2={HEIGHT} vectorEffect="non-scaling-stroke" />
      </svg>
      {first && last && (
        <div className="chart__days muted" aria-hidden="true">
          <span>{dayLabel(first.day)}</span>
          <span>{dayLabel(last.day)}</span>
        </div>
      )}
    </div>
  );
}
