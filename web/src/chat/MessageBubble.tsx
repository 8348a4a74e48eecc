import type { MemoryRef, Mood } from '../api/types';
import { MoodBadge } from './MoodBadge';

export interface ChatItem {
  key: string;
  role: 'user' | 'assistant';
  text: string;
  mood?: Mood | null;
  memoriesUsed?: MemoryRef[];
  streaming?: boolean;
  failed?: boolean;
}

// Text is only ever rendered as React text nodes: whatever a user or the bot says is never markup.
export function MessageBubble({ item }: { item: ChatItem }) {
  const mine = item.role === 'user';
  return (
    <li className={`bubble-row ${mine ? 'mine' : 'theirs'}`}>
      <article className={`bubble ${mine ? 'user' : 'assistant'}${item.failed ? ' failed' : ''}`} aria-busy={item.streaming ? true : undefined}>
        <span className="visually-hidden">{mine ? 'You said: ' : 'Jumbo said: '}</span>
        <p className="bubble-text">
          {item.text}
          {item.streaming && item.text === '' && <span className="typing" aria-label="Jumbo is typing">…</span>}
        </p>
        {mine && item.mood && <MoodBadge mood={item.mood} />}
        {!mine && item.memoriesUsed && item.memoriesUsed.length > 0 && (
          <details className="memories-used">
            <summary>
              Memories used ({item.memoriesUsed.length})
            </summary>
            <ul>
              {item.memoriesUsed.map((m) => (
                <li key={m.id}>{m.text}</li>
              ))}
            </ul>
          </details>
        )}
      </article>
    </li>
  );
}
