import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { describeError } from '../api/errors';
import type { MoodEntry, MoodReport } from '../api/types';
import { MoodChart } from './MoodChart';

const RANGES = [7, 30, 90] as const;
type Range = (typeof RANGES)[number];

/** The last `days` UTC days, today included, as ISO dates. */
export function rangeOf(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function emotionCounts(entries: MoodEntry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) for (const emotion of e.emotions ?? []) counts.set(emotion, (counts.get(emotion) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function MoodsPage({ now }: { now?: Date }) {
  const api = useApi();
  const [days, setDays] = useState<Range>(30);
  const [report, setReport] = useState<MoodReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { from, to } = rangeOf(days, now);

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    api.moods(from, to).then((r) => live && setReport(r), (e) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [api, from, to]);

  const counts = report ? emotionCounts(report.entries) : [];
  const max = counts[0]?.[1] ?? 1;
  return (
    <section aria-labelledby="moods-title">
      <h1 id="moods-title" tabIndex={-1}>Moods</h1>
      <p className="muted">How you have been feeling, read from what you tell Jumbo.</p>
      <div className="segmented" role="group" aria-label="Range">
        {RANGES.map((r) => (
          <button key={r} type="button" aria-pressed={days === r} onClick={() => setDays(r)}>
            {r} days
          </button>
        ))}
      </div>
      {error && <p className="alert" role="alert">{error}</p>}
      {!report && !error && <p className="muted" role="status">Loading moods…</p>}
      {report && (
        <>
          <div className="card">
            <h2>Daily average</h2>
            <p className="trend" data-direction={report.trend.direction}>
              <span aria-hidden="true" className="trend-arrow">{arrow(report.trend.direction)}</span>{' '}
              Trend: <strong>{report.trend.direction}</strong>{' '}
              <span className="muted">({formatSlope(report.trend.slopePerDay)} per day)</span>
            </p>
            {report.daily.length === 0 ? (
              <p className="empty">No moods in this range yet. Chat with Jumbo and your moods will show up here.</p>
            ) : (
              <MoodChart daily={report.daily} from={from} to={to} />
            )}
          </div>
          <div className="card">
            <h2>Emotions</h2>
            {counts.length === 0 ? (
              <p className="muted">No emotions recorded in this range.</p>
            ) : (
              <ul className="bars" aria-label="Emotion counts">
                {counts.map(([emotion, count]) => (
                  <li key={emotion}>
                    <span className="bar-label">{emotion}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span className="bar" style={{ width: `${(count / max) * 100}%` }} />
                    </span>
                    <span className="bar-count">{count}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function arrow(direction: string): string {
  return direction === 'improving' ? '↗' : direction === 'declining' ? '↘' : '→';
}

function formatSlope(slope: number): string {
  const v = Number.isFinite(slope) ? slope : 0;
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(3)}`;
}
