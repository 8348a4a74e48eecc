import { ApiError, apiErrorFrom } from './errors';
import { readSseFrames } from './sse';
import type {
  Conversation, Greeting, Memory, MemoryDetail, MoodReport, Page, Profile, StoredMessage, Tokens, Turn,
} from './types';

/*
 * Token storage — a deliberate trade-off:
 * - the access token (15 min) lives only in memory, so a page reload or another tab never sees it;
 * - the refresh token lives in localStorage so a reload keeps you signed in. Any script running on this
 *   origin could read it (XSS). We reduce that risk instead of removing it: the CSP allows only our own
 *   scripts, every user/bot text is rendered as a React text node, refresh tokens are single-use with
 *   reuse detection (a stolen, replayed token revokes the whole login), and sign-out revokes it.
 *   An httpOnly cookie would be safer but the public API takes the refresh token in the body.
 */
export const REFRESH_TOKEN_KEY = 'jumbo.refreshToken';

export interface StreamHandlers {
  onToken: (fragment: string) => void;
}

export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private signedOutListeners = new Set<() => void>();

  constructor(
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
    private readonly storage: Storage = window.localStorage,
  ) {}

  // ---- session -------------------------------------------------------------------------------------------
  get hasSession(): boolean {
    return this.accessToken !== null || this.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  async signUp(email: string, password: string, username?: string): Promise<Tokens> {
    const body: Record<string, string> = { email, password };
    if (username) body.username = username;
    return this.acceptTokens(await this.json<Tokens>('POST', '/api/v1/auth/signup', body, false));
  }

  async signIn(email: string, password: string): Promise<Tokens> {
    return this.acceptTokens(await this.json<Tokens>('POST', '/api/v1/auth/login', { email, password }, false));
  }

  /** Restores a session after a reload from the stored refresh token. */
  async resume(): Promise<boolean> {
    if (this.accessToken) return true;
    return this.refresh();
  }

  async signOut(): Promise<void> {
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    try {
      if (refreshToken) await this.send('POST', '/api/v1/auth/logout', { refreshToken }, false);
    } catch {
      // signing out locally matters more than telling the server
    } finally {
      this.forget();
    }
  }

  /** Drops the tokens without calling the server (after account deletion, or when a refresh fails). */
  forget(): void {
    this.accessToken = null;
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    this.signedOutListeners.forEach((l) => l());
  }

  private acceptTokens(tokens: Tokens): Tokens {
    this.accessToken = tokens.accessToken;
    this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    return tokens;
  }

  /** One refresh at a time: concurrent 401s share it (a refresh token is single-use). */
  private refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) return false;
    let response: Response;
    try {
      response = await this.raw('POST', '/api/v1/auth/refresh', { refreshToken }, false);
    } catch {
      return false; // offline: keep the refresh token for the next try
    }
    if (!response.ok) {
      this.accessToken = null;
      if (response.status === 401 || response.status === 400) this.forget();
      return false;
    }
    this.acceptTokens((await response.json()) as Tokens);
    return true;
  }

  // ---- transport -----------------------------------------------------------------------------------------
  private raw(method: string, path: string, body: unknown, auth: boolean, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    return this.fetchFn(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** Sends a request; on 401 refreshes once and retries once. Throws ApiError when the answer is not 2xx. */
  async send(method: string, path: string, body?: unknown, auth = true, accept?: string): Promise<Response> {
    let response = await this.raw(method, path, body, auth, accept);
    if (auth && response.status === 401) {
      if (await this.refresh()) {
        response = await this.raw(method, path, body, auth, accept);
      }
      if (response.status === 401) {
        this.forget();
      }
    }
    if (!response.ok) throw await apiErrorFrom(response);
    return response;
  }

  private async json<T>(method: string, path: string, body?: unknown, auth = true): Promise<T> {
    const response = await this.send(method, path, body, auth);
    return (await response.json()) as T;
  }

  // ---- chat ----------------------------------------------------------------------------------------------
  greeting(): Promise<Greeting> {
    return this.json('GET', '/api/v1/chat/greeting');
  }

  sendMessage(message: string, conversationId?: string | null): Promise<Turn> {
    return this.json('POST', '/api/v1/chat/messages', messageBody(message, conversationId));
  }

  /**
   * Streams a reply. Falls back to the plain endpoint when the stream cannot be opened (server error, proxy
   * without streaming). It does not fall back once tokens have arrived (the turn was taken; sending it again
   * would store the message twice) nor on 4xx (the plain endpoint would refuse it the same way).
   */
  async streamMessage(message: string, conversationId: string | null | undefined, handlers: StreamHandlers): Promise<Turn> {
    let receivedAny = false;
    try {
      const response = await this.send('POST', '/api/v1/chat/messages/stream', messageBody(message, conversationId), true, 'text/event-stream');
      if (!response.body) throw new Error('no response body to stream');
      for await (const frame of readSseFrames(response.body)) {
        if (frame.event === 'token') {
          receivedAny = true;
          handlers.onToken(frame.data);
        } else if (frame.event === 'done') {
          return JSON.parse(frame.data) as Turn;
        } else if (frame.event === 'error') {
          throw new Error('stream error');
        }
      }
      throw new Error('stream ended before the reply was complete');
    } catch (error) {
      if (receivedAny) throw error;
      if (error instanceof ApiError && error.status < 500) throw error;
      return this.sendMessage(message, conversationId);
    }
  }

  conversations(): Promise<Page<Conversation>> {
    return this.json('GET', '/api/v1/chat/conversations?limit=50');
  }

  messages(conversationId: string): Promise<Page<StoredMessage>> {
    return this.json('GET', `/api/v1/chat/conversations/${encodeURIComponent(conversationId)}/messages?limit=200`);
  }

  // ---- memories & moods ----------------------------------------------------------------------------------
  memories(filter: { query?: string; category?: string; includeArchived?: boolean }): Promise<Page<Memory>> {
    const params = new URLSearchParams();
    if (filter.query) params.set('query', filter.query);
    if (filter.category) params.set('category', filter.category);
    if (filter.includeArchived) params.set('includeArchived', 'true');
    params.set('limit', '200');
    return this.json('GET', `/api/v1/memories?${params.toString()}`);
  }

  memory(id: string): Promise<MemoryDetail> {
    return this.json('GET', `/api/v1/memories/${encodeURIComponent(id)}`);
  }

  updateMemory(id: string, text: string): Promise<Memory> {
    return this.json('PATCH', `/api/v1/memories/${encodeURIComponent(id)}`, { text });
  }

  async deleteMemory(id: string): Promise<void> {
    await this.send('DELETE', `/api/v1/memories/${encodeURIComponent(id)}`);
  }

  /** `from`/`to` are ISO dates (UTC days, inclusive), e.g. 2026-11-26. */
  moods(from: string, to: string): Promise<MoodReport> {
    const params = new URLSearchParams({ from, to });
    return this.json('GET', `/api/v1/memories/moods?${params.toString()}`);
  }

  // ---- profile -------------------------------------------------------------------------------------------
  profile(): Promise<Profile> {
    return this.json('GET', '/api/v1/profile');
  }

  updatePreferredName(preferredName: string): Promise<Profile> {
    return this.json('PATCH', '/api/v1/profile', { preferredName });
  }

  /** The export document as JSON text (saved as a file by the profile page). */
  async exportData(): Promise<string> {
    const response = await this.send('GET', '/api/v1/profile/export');
    return response.text();
  }

  async deleteAccount(): Promise<void> {
    await this.send('DELETE', '/api/v1/profile');
    this.forget();
  }
}

function messageBody(message: string, conversationId?: string | null) {
  return conversationId ? { message, conversationId } : { message };
}
