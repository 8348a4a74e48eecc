import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeServer, json, renderSignedIn } from '../test/fakeServer';
import { emotionCounts, MoodsPage, rangeOf } from './MoodsPage';

const NOW = new Date('2026-11-26T15:00:00Z');

const report = {
  entries: [
    { at: '2026-11-24T09:00:00Z', label: 'anxious', valence: -0.4, emotions: ['anxious', 'tired'] },
    { at: '2026-11-25T09:00:00Z', label: 'okay', valence: 0.1, emotions: ['tired'] },
    { at: '2026-11-26T09:00:00Z', label: 'happy', valence: 0.7, emotions: ['happy', 'tired'] },
  ],
  daily: [
    { date: '2026-11-24', averageValence: -0.4, count: 1, dominant: 'anxious' },
    { date: '2026-11-25', averageValence: 0.1, count: 1, dominant: 'tired' },
    { date: '2026-11-26', averageValence: 0.7, count: 1, dominant: 'happy' },
  ],
  trend: { direction: 'improving', slopePerDay: 0.55 },
};

describe('MoodsPage', () => {
  it('shouldComputeInclusiveUtcRangesWhenAskedForNDays', () => {
    expect(rangeOf(7, NOW)).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(rangeOf(30, NOW)).toEqual({ from: '2026-10-28', to: '2026-11-26' });
  });

  it('shouldCountEmotionsMostFrequentFirstWhenEntriesShareThem', () => {
    expect(emotionCounts(report.entries as never)).toEqual([['tired', 3], ['anxious', 1], ['happy', 1]]);
  });

  it('shouldDrawOnePointPerDayAndTheTrendWhenMoodsLoad', async () => {
    const server = new FakeServer().on('GET', '/api/v1/memories/moods', report);
    const { container } = await renderSignedIn(<MoodsPage now={NOW} />, server);

    expect(await screen.findByText('improving')).toBeInTheDocument();
    expect(screen.getByText('(+0.550 per day)')).toBeInTheDocument();
    const points = screen.getAllByTestId('mood-point');
    expect(points).toHaveLength(3);
    // higher valence is drawn higher (smaller y)
    const ys = points.map((p) => Number(p.getAttribute('cy')));
    expect(ys[0]).toBeGreaterThan(ys[1]);
    expect(ys[1]).toBeGreaterThan(ys[2]);
    expect(container.querySelectorAll('polyline.mood-line')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /Daily average mood from 2026-10-28 to 2026-11-26/ })).toBeInTheDocument();

    const bars = within(screen.getByRole('list', { name: 'Emotion counts' })).getAllByRole('listitem');
    expect(bars.map((b) => b.textContent)).toEqual(['tired3', 'anxious1', 'happy1']);
    expect(server.calls('GET', '/api/v1/memories/moods')[0].url.search).toBe('?from=2026-10-28&to=2026-11-26');
  });

  it('shouldAskForTheChosenRangeWhenTheUserPicksSevenDays', async () => {
    const server = new FakeServer().on('GET', '/api/v1/memories/moods', (r) =>
      json(r.url.searchParams.get('from') === '2026-11-20' ? report : { entries: [], daily: [], trend: { direction: 'stable', slopePerDay: 0 } }));
    await renderSignedIn(<MoodsPage now={NOW} />, server);
    expect(await screen.findByText(/No moods in this range yet/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '7 days' }));

    await waitFor(() => expect(screen.getAllByTestId('mood-point')).toHaveLength(3));
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
  });
});
