import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { describeError } from '../api/errors';
import type { Memory } from '../api/types';
import { MemoryItem } from './MemoryItem';

// the categories memory-service files facts under
export const CATEGORIES = ['relationships', 'pets', 'work', 'school', 'places', 'preferences', 'health', 'dates', 'plans', 'other'];

interface Filter {
  query: string;
  category: string;
  includeArchived: boolean;
}

export function MemoriesPage() {
  const api = useApi();
  const [filter, setFilter] = useState<Filter>({ query: '', category: '', includeArchived: false });
  const [queryDraft, setQueryDraft] = useState('');
  const [memories, setMemories] = useState<Memory[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(() => {
    setError(null);
    setMemories(null);
    let live = true;
    api.memories(filter).then(
      (page) => live && setMemories(page.items),
      (e) => {
        if (!live) return;
        setError(describeError(e));
        setMemories([]);
      },
    );
    return () => {
      live = false;
    };
  }, [api, filter]);

  useEffect(() => load(), [load]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter((f) => ({ ...f, query: queryDraft.trim() }));
  };

  const replaced = (memory: Memory) => {
    setMemories((all) => all?.map((m) => (m.id === memory.id ? memory : m)) ?? null);
    setNotice('Memory updated.');
  };
  const removed = (id: string) => {
    setMemories((all) => all?.filter((m) => m.id !== id) ?? null);
    setNotice('Memory deleted.');
  };

  const filtered = filter.query !== '' || filter.category !== '';
  return (
    <section aria-labelledby="memories-title">
      <h1 id="memories-title" tabIndex={-1}>Memories</h1>
      <p className="muted">What Jumbo remembers about you. Edit anything that is wrong, or delete what you would rather it forgot.</p>
      <div className="toolbar">
        <form role="search" onSubmit={search} className="search">
          <label htmlFor="memory-search" className="visually-hidden">Search memories</label>
          <input id="memory-search" type="search" placeholder="Search memories" value={queryDraft} onChange={(e) => setQueryDraft(e.target.value)} />
          <button type="submit" className="primary small">Search</button>
        </form>
        <div className="field inline">
          <label htmlFor="memory-category">Category</label>
          <select id="memory-category" value={filter.category} onChange={(e) => setFilter((f) => ({ ...f, category: e.target.value }))}>
            <option value="">All</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={filter.includeArchived} onChange={(e) => setFilter((f) => ({ ...f, includeArchived: e.target.checked }))} />
          Show archived
        </label>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">{notice}</p>
      {error && <p className="alert" role="alert">{error}</p>}
      {memories === null ? (
        <p className="muted" role="status">Loading memories…</p>
      ) : memories.length === 0 ? (
        !error && (
          <div className="empty">
            {filtered ? <p>No memories match that. Try other words or another category.</p> : <p>Nothing yet. Tell Jumbo about your life in the chat and it will remember.</p>}
          </div>
        )
      ) : (
        <ul className="memory-list" aria-label="Memories">
          {memories.map((m) => (
            <MemoryItem key={m.id} memory={m} onUpdated={replaced} onDeleted={removed} />
          ))}
        </ul>
      )}
    </section>
  );
}
