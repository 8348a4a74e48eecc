import type { Mood } from '../api/types';

export function valenceWord(valence: number): string {
  if (valence >= 0.5) return 'positive';
  if (valence >= 0.15) return 'slightly positive';
  if (valence > -0.15) return 'neutral';
  if (valence > -0.5) return 'slightly negative';
  return 'negative';
}

export function valenceColor(valence: number): string {
  if (valence >= 0.15) return 'var(--positive)';
  if (valence > -0.15) return 'var(--neutral)';
  return 'var(--negative)';
}

/** The mood read from one user message: its label and a small valence gauge (-1 … +1). */
export function MoodBadge({ mood }: { mood: Mood }) {
  const valence = Math.max(-1, Math.min(1, Number(mood.valence) || 0));
  const word = valenceWord(valence);
  return (
    <span className="mood-badge" data-valence={valence.toFixed(2)} title={`Mood: ${mood.label} (${word}, ${valence.toFixed(2)})`}>
      <span className="gauge" aria-hidden="true">
        <span className="gauge-mark" style={{ left: `${((valence + 1) / 2) * 100}%`, background: valenceColor(valence) }} />
      </span>
      <span className="visually-hidden">Mood: </span>
      {mood.label}
      <span className="visually-hidden">{`, ${word}`}</span>
    </span>
  );
}
