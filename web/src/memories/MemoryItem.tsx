import { useId, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { describeError } from '../api/errors';
import type { Memory, MemoryHistoryEntry } from '../api/types';

type Mode = 'view' | 'edit' | 'confirmDelete';

export function MemoryItem({ memory, onUpdated, onDeleted }: { memory: Memory; onUpdated: (m: Memory) => void; onDeleted: (id: string) => void }) {
  const api = useApi();
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState(memory.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<MemoryHistoryEntry[] | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError('A memory cannot be empty. Delete it instead if it is no longer true.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onUpdated(await api.updateMemory(memory.id, trimmed));
      setMode('view');
      setHistory(null);
      requestAnimationFrame(() => editButton.current?.focus());
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.deleteMemory(memory.id);
      onDeleted(memory.id);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  const toggleHistory = async () => {
    const next = !showHistory;
    setShowHistory(next);
    if (next && history === null) {
      try {
        const detail = await api.memory(memory.id);
        setHistory(detail.history ?? []);
      } catch (e) {
        setError(describeError(e));
        setShowHistory(false);
      }
    }
  };

  return (
    <li className={`card memory${memory.archived ? ' archived' : ''}`} aria-labelledby={`${id}-text`}>
      {mode === 'edit' ? (
        <form onSubmit={save} className="memory-edit">
          <label htmlFor={`${id}-edit`}>Edit memory</label>
          <textarea id={`${id}-edit`} value={text} rows={2} onChange={(e) => setText(e.target.value)} autoFocus />
          <div className="actions">
            <button type="submit" className="primary small" disabled={busy}>Save</button>
            <button type="button" className="ghost small" onClick={() => { setMode('view'); setText(memory.text); setError(null); }}>Cancel</button>
          </div>
        </form>
      ) : (
        <p id={`${id}-text`} className="memory-text">{memory.text}</p>
      )}
      <p className="memory-meta muted">
        <span className="chip">{memory.category}</span>
        {memory.archived && <span className="chip archived-chip">archived</span>}
        <span>Updated {formatDate(memory.updatedAt ?? memory.createdAt)}</span>
      </p>
      {error && <p className="alert" role="alert">{error}</p>}
      {mode === 'confirmDelete' ? (
        <div className="confirm" role="group" aria-label="Confirm delete">
          <p>Delete this memory? Jumbo will forget it.</p>
          <button type="button" className="danger small" onClick={() => void remove()} disabled={busy} autoFocus>Yes, delete</button>
          <button type="button" className="ghost small" onClick={() => setMode('view')}>Keep it</button>
        </div>
      ) : (
        mode === 'view' && (
          <div className="actions">
            <button type="button" ref={editButton} className="ghost small" onClick={() => { setMode('edit'); setText(memory.text); }}>
              Edit<span className="visually-hidden"> memory: {memory.text}</span>
            </button>
            <button type="button" className="ghost small" onClick={() => setMode('confirmDelete')}>
              Delete<span className="visually-hidden"> memory: {memory.text}</span>
            </button>
            <button type="button" className="ghost small" aria-expanded={showHistory} aria-controls={`${id}-history`} onClick={() => void toggleHistory()}>
              History
            </button>
          </div>
        )
      )}
      {showHistory && (
        <div id={`${id}-history`} className="history">
          {history === null ? (
            <p className="muted" role="status">Loading history…</p>
          ) : history.length === 0 ? (
            <p className="muted">No earlier versions.</p>
          ) : (
            <ol aria-label="Earlier versions">
              {history.map((h, i) => (
                <li key={i}>
                  <span>{h.text ?? '(no text)'}</span>
                  {h.change && <span className="chip">{h.change}</span>}
                  {h.at && <span className="muted"> · {formatDate(h.at)}</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </li>
  );
}

function formatDate(iso?: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
