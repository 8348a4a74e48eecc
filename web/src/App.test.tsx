import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { REFRESH_TOKEN_KEY } from './api/client';
import { FakeServer, tokens } from './test/fakeServer';

function appServer() {
  return new FakeServer()
    .on('POST', '/api/v1/auth/signup', () => new Response(JSON.stringify(tokens()), { status: 201 }))
    .on('POST', '/api/v1/auth/refresh', tokens('access-2', 'refresh-2'))
    .on('POST', '/api/v1/auth/logout', () => new Response(null, { status: 204 }))
    .on('GET', '/api/v1/chat/greeting', { message: 'Hey sam! What should I call you?', needsName: true })
    .on('GET', '/api/v1/chat/conversations', { items: [], nextCursor: null })
    .on('GET', '/api/v1/memories', { items: [], nextCursor: null });
}

describe('App', () => {
  it('shouldOpenTheChatAfterSignUpAndReturnToSignInAfterSignOut', async () => {
    const server = appServer();
    render(<App api={server.client()} />);

    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByText('Hey sam! What should I call you?')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Memories' }));
    expect(await screen.findByRole('heading', { name: 'Memories' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Memories' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Create your account' })).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/auth/logout')[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('shouldResumeTheSessionFromTheStoredRefreshTokenWhenThePageReloads', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const server = appServer();
    render(<App api={server.client()} />);

    expect(await screen.findByText('Hey sam! What should I call you?')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/auth/refresh')[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(server.calls('GET', '/api/v1/chat/greeting')[0].headers.Authorization).toBe('Bearer access-2');
  });
});
