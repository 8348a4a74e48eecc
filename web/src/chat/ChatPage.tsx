import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { describeError } from '../api/errors';
import type { Conversation, Greeting } from '../api/types';
import { MessageBubble, type ChatItem } from './MessageBubble';

const MAX_MESSAGE = 4000;
let keySeq = 0;
const nextKey = () => `local-${++keySeq}`;

export function ChatPage() {
  const api = useApi();
  const [greeting, setGreeting] = useState<Greeting | null>(null);
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [items, setItems] = useState<ChatItem[]>([]);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [loadingConversation, setLoadingConversation] = useState(false);
  // the greeting opens a new chat and stays above it; a stored conversation is shown as it was
  const [showGreeting, setShowGreeting] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logEndRef = useRef<HTMLDivElement>(null);

  const loadConversations = useCallback(() => {
    api.conversations().then((page) => setConversations(page.items), () => setConversations((c) => c ?? []));
  }, [api]);

  const loadGreeting = useCallback(() => {
    setGreeting(null);
    api.greeting().then(setGreeting, (e) => setError(describeError(e)));
  }, [api]);

  useEffect(() => {
    loadGreeting();
    loadConversations();
  }, [loadGreeting, loadConversations]);

  useEffect(() => {
    logEndRef.current?.scrollIntoView?.({ block: 'end' });
  }, [items]);

  const update = (key: string, change: Partial<ChatItem> | ((item: ChatItem) => Partial<ChatItem>)) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...(typeof change === 'function' ? change(item) : change) } : item)));

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    if (text.length > MAX_MESSAGE) {
      setError(`That message is too long: please keep it under ${MAX_MESSAGE} characters.`);
      return;
    }
    setError(null);
    setSending(true);
    setDraft('');
    const userKey = nextKey();
    const replyKey = nextKey();
    setItems((all) => [...all, { key: userKey, role: 'user', text }, { key: replyKey, role: 'assistant', text: '', streaming: true }]);
    try {
      const turn = await api.streamMessage(text, conversationId, {
        onToken: (fragment) => update(replyKey, (item) => ({ text: item.text + fragment })),
      });
      update(userKey, { mood: turn.summary?.mood ?? null });
      update(replyKey, { text: turn.reply, memoriesUsed: turn.memoriesUsed ?? [], streaming: false });
      if (turn.preferredName && greeting?.needsName) setGreeting({ ...greeting, needsName: false });
      if (turn.conversationId !== conversationId) {
        setConversationId(turn.conversationId);
      }
      loadConversations();
    } catch (e) {
      setItems((all) => all.filter((item) => item.key !== replyKey).map((item) => (item.key === userKey ? { ...item, failed: true } : item)));
      setError(`Your message could not be sent. ${describeError(e)}`);
      setDraft(text);
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const newChat = () => {
    setConversationId(null);
    setShowGreeting(true);
    setItems([]);
    setError(null);
    loadGreeting();
    inputRef.current?.focus();
  };

  const openConversation = async (id: string) => {
    setError(null);
    setLoadingConversation(true);
    setShowGreeting(false);
    setItems([]);
    setConversationId(id);
    try {
      const page = await api.messages(id);
      setItems(page.items.map((m) => ({ key: m.messageId, role: m.role, text: m.text, mood: m.mood ?? null })));
    } catch (e) {
      setError(`That conversation could not be loaded. ${describeError(e)}`);
    } finally {
      setLoadingConversation(false);
      inputRef.current?.focus();
    }
  };

  return (
    <div className="chat">
      <aside className="conversations" aria-labelledby="conversations-title">
        <div className="conversations-head">
          <h2 id="conversations-title">Conversations</h2>
          <button type="button" className="primary small" onClick={newChat}>
            New chat
          </button>
        </div>
        {conversations === null ? (
          <p className="muted" role="status">Loading conversations…</p>
        ) : conversations.length === 0 ? (
          <p className="muted">No conversations yet. Say hello!</p>
        ) : (
          <ul className="conversation-list">
            {conversations.map((c) => (
              <li key={c.conversationId}>
                <button type="button" className="conversation" aria-current={c.conversationId === conversationId ? 'true' : undefined}
                  onClick={() => void openConversation(c.conversationId)}>
                  <span className="conversation-title">{c.title || 'Conversation'}</span>
                  <time dateTime={c.lastMessageAt} className="muted">{formatWhen(c.lastMessageAt)}</time>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <section className="chat-main" aria-labelledby="chat-title">
        <h1 id="chat-title" tabIndex={-1} className="visually-hidden">Chat with Jumbo</h1>
        <ol className="log" role="log" aria-live="polite" aria-relevant="additions text" aria-label="Messages">
          {showGreeting && greeting && (
            <MessageBubble item={{ key: 'greeting', role: 'assistant', text: greeting.message }} />
          )}
          {showGreeting && !greeting && !error && (
            <li className="muted centered" role="status">Jumbo is waking up…</li>
          )}
          {loadingConversation && <li className="muted centered" role="status">Loading messages…</li>}
          {items.map((item) => (
            <MessageBubble key={item.key} item={item} />
          ))}
        </ol>
        <div ref={logEndRef} />
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <form className="composer" onSubmit={send}>
          <label htmlFor="chat-input" className="visually-hidden">
            Message to Jumbo
          </label>
          <textarea id="chat-input" ref={inputRef} rows={2} value={draft} maxLength={MAX_MESSAGE + 1}
            placeholder={greeting?.needsName && showGreeting && items.length === 0 ? 'Tell Jumbo what to call you…' : 'Write a message…'}
            onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} aria-describedby="chat-hint" />
          <button type="submit" className="primary" disabled={sending || draft.trim() === ''}>
            {sending ? 'Sending…' : 'Send'}
          </button>
          <small id="chat-hint" className="visually-hidden">Press Enter to send, Shift+Enter for a new line.</small>
        </form>
      </section>
    </div>
  );
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
