import { describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from './client';
import { ApiError } from './errors';
import { FakeServer, json, problem, sseStream, tokens } from '../test/fakeServer';

describe('ApiClient', () => {
  it('shouldKeepTheAccessTokenInMemoryAndTheRefreshTokenInLocalStorageWhenSignedIn', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/login', tokens('acc', 'ref')).on('GET', '/api/v1/profile', { email: 'a@b.c' });
    const api = server.client();
    await api.signIn('a@b.c', 'password1');
    await api.profile();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('ref');
    expect(Object.values(localStorage).join()).not.toContain('acc');
    expect(server.calls('GET', '/api/v1/profile')[0].headers.Authorization).toBe('Bearer acc');
  });

  it('shouldRefreshOnceAndRetryWhenTheAccessTokenExpired', async () => {
    const server = new FakeServer()
      .on('POST', '/api/v1/auth/login', tokens('old', 'ref-1'))
      .on('POST', '/api/v1/auth/refresh', tokens('new', 'ref-2'))
      .on('GET', '/api/v1/profile', (r) => (r.headers.Authorization === 'Bearer new' ? json({ email: 'a@b.c' }) : problem(401, 'expired')));
    const api = server.client();
    await api.signIn('a@b.c', 'password1');

    const [a, b] = await Promise.all([api.profile(), api.profile()]);

    expect(a).toEqual({ email: 'a@b.c' });
    expect(b).toEqual({ email: 'a@b.c' });
    expect(server.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1); // single-use token: never refreshed twice
    expect(server.calls('POST', '/api/v1/auth/refresh')[0].body).toEqual({ refreshToken: 'ref-1' });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('ref-2');
  });

  it('shouldSignOutWhenTheRefreshIsRefused', async () => {
    const server = new FakeServer()
      .on('POST', '/api/v1/auth/login', tokens())
      .on('POST', '/api/v1/auth/refresh', problem(401, 'session revoked'))
      .on('GET', '/api/v1/profile', problem(401, 'expired'));
    const api = server.client();
    let signedOut = 0;
    api.onSignedOut(() => signedOut++);
    await api.signIn('a@b.c', 'password1');

    await expect(api.profile()).rejects.toBeInstanceOf(ApiError);
    expect(signedOut).toBeGreaterThan(0);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(api.hasSession).toBe(false);
  });

  it('shouldFallBackToThePlainEndpointWhenTheStreamCannotBeOpened', async () => {
    const turn = { conversationId: 'c1', messageId: 'm1', reply: 'Hi!', memoriesUsed: [] };
    const server = new FakeServer()
      .on('POST', '/api/v1/auth/login', tokens())
      .on('POST', '/api/v1/chat/messages/stream', problem(503, 'unavailable'))
      .on('POST', '/api/v1/chat/messages', turn);
    const api = server.client();
    await api.signIn('a@b.c', 'password1');

    const result = await api.streamMessage('hello', null, { onToken: () => {} });

    expect(result).toEqual(turn);
    expect(server.calls('POST', '/api/v1/chat/messages')[0].body).toEqual({ message: 'hello' });
  });

  it('shouldNotSendTheMessageTwiceWhenTheStreamBreaksAfterTokens', async () => {
    const stream = sseStream();
    const server = new FakeServer()
      .on('POST', '/api/v1/auth/login', tokens())
      .on('POST', '/api/v1/chat/messages/stream', () => stream.response)
      .on('POST', '/api/v1/chat/messages', { reply: 'should not be used' });
    const api = server.client();
    await api.signIn('a@b.c', 'password1');
    const tokensSeen: string[] = [];

    const pending = api.streamMessage('hello', 'c1', { onToken: (t) => tokensSeen.push(t) });
    stream.token('Hel');
    await new Promise((r) => setTimeout(r, 0));
    stream.fail();

    await expect(pending).rejects.toBeTruthy();
    expect(tokensSeen).toEqual(['Hel']);
    expect(server.calls('POST', '/api/v1/chat/messages')).toHaveLength(0);
  });

  it('shouldExplainProblemDetailsInPlainWordsWhenTheApiRefuses', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/signup',
      problem(400, 'The request has invalid fields.', [{ field: 'password', message: 'is a commonly used password' }]));
    const error = await server.client().signUp('a@b.c', 'password').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('The request has invalid fields.');
    expect(error.fieldErrors).toEqual([{ field: 'password', message: 'is a commonly used password' }]);
  });
});
