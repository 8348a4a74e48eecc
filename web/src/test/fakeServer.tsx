import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiContext } from '../api/ApiContext';
import { ApiClient } from '../api/client';

export interface RecordedRequest {
  method: string;
  path: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A fake of the gateway at the network edge: the app's real ApiClient talks to it through `fetch`. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  on(method: string, path: string | RegExp, handler: Handler | Response | object): this {
    const pattern = typeof path === 'string' ? new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : path;
    const h: Handler =
      typeof handler === 'function' ? (handler as Handler) : handler instanceof Response ? () => handler.clone() : () => json(handler);
    // later registrations win, so a test can override a default
    this.routes.unshift({ method, pattern, handler: h });
    return this;
  }

  calls(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input), 'http://jumbo.test');
    const headers = Object.fromEntries(Object.entries((init?.headers as Record<string, string>) ?? {}));
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      url,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    this.requests.push(request);
    const route = this.routes.find((r) => r.method === request.method && r.pattern.test(request.path));
    if (!route) return problem(404, `No fake route for ${request.method} ${request.path}`);
    return route.handler(request);
  };

  client(): ApiClient {
    return new ApiClient(this.fetch, window.localStorage);
  }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, detail, traceId: 't', ...(errors ? { errors } : {}) }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export function tokens(accessToken = 'access-1', refreshToken = 'refresh-1') {
  return { userId: 'u-1', username: 'sam', accessToken, refreshToken, tokenType: 'Bearer', expiresIn: 900 };
}

/** A response whose SSE body the test writes frame by frame. */
export function sseStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => { controller = c; } });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    token: (text: string) => controller.enqueue(encoder.encode(`event:token\ndata:${text}\n\n`)),
    done: (turn: unknown) => {
      controller.enqueue(encoder.encode(`event:done\ndata:${JSON.stringify(turn)}\n\n`));
      controller.close();
    },
    fail: () => controller.error(new TypeError('network down')),
  };
}

/** Renders with a signed-in client (an access token is already held). */
export async function renderSignedIn(ui: ReactElement, server: FakeServer) {
  server.on('POST', '/api/v1/auth/login', tokens());
  const api = server.client();
  await api.signIn('sam@example.com', 'a-good-password');
  server.requests.length = 0;
  return { api, ...render(<ApiContext.Provider value={api}>{ui}</ApiContext.Provider>) };
}
