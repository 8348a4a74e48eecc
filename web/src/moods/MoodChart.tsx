import type { DailyMood } from '../api/types';
import { valenceColor } from '../chat/MoodBadge';

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { top: 14, right: 12, bottom: 30, left: 40 };

/**
 * Daily average valence (-1 … +1) over the chosen days, drawn as inline SVG (no chart library; CSP-friendly).
 * Days without entries are gaps: the line only joins consecutive days that have data.
 */
export function MoodChart({ daily, from, to }: { daily: DailyMood[]; from: string; to: string }) {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.max(1, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (date: string) => PAD.left + ((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000 / days) * innerW;
  const y = (valence: number) => PAD.top + ((1 - clamp(valence)) / 2) * innerH;

  const points = [...daily].sort((a, b) => a.date.localeCompare(b.date));
  const segments: DailyMood[][] = [];
  for (const p of points) {
    const last = segments[segments.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && Date.parse(`${p.date}T00:00:00Z`) - Date.parse(`${prev.date}T00:00:00Z`) <= 86_400_000) last.push(p);
    else segments.push([p]);
  }
  const ticks = [from, midDate(from, to), to];
  const summary = points.length === 0 ? 'No mood entries in this range.'
    : `${points.length} days with entries. ` + points.map((p) => `${p.date}: ${p.averageValence.toFixed(2)}`).join('; ');

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Daily average mood from ${from} to ${to}. ${summary}`} preserveAspectRatio="xMidYMid meet">
        {[1, 0.5, 0, -0.5, -1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis-zero' : 'gridline'} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">{v > 0 ? `+${v}` : v}</text>
          </g>
        ))}
        {ticks.map((t, i) => (
          <text key={`${t}-${i}`} x={x(t)} y={HEIGHT - 8} textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'} className="tick">{shortDate(t)}</text>
        ))}
        {segments.filter((s) => s.length > 1).map((s) => (
          <polyline key={s[0].date} className="mood-line" points={s.map((p) => `${x(p.date).toFixed(1)},${y(p.averageValence).toFixed(1)}`).join(' ')} />
        ))}
        {points.map((p) => (
          <circle key={p.date} data-testid="mood-point" cx={x(p.date)} cy={y(p.averageValence)} r={5} style={{ fill: valenceColor(p.averageValence) }}>
            <title>{`${p.date}: average ${p.averageValence.toFixed(2)} over ${p.count} message${p.count === 1 ? '' : 's'}${p.dominant ? `, mostly ${p.dominant}` : ''}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

function clamp(v: number): number {
  return Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
}

function midDate(from: string, to: string): string {
  const mid = (Date.parse(`${from}T00:00:00Z`) + Date.parse(`${to}T00:00:00Z`)) / 2;
  return new Date(mid - (mid % 86_400_000)).toISOString().slice(0, 10);
}

function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
