import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../api/ApiContext';
import { FakeServer, problem, tokens } from '../test/fakeServer';
import { AuthPage } from './AuthPage';

function renderAuth(server: FakeServer, onSignedIn = vi.fn()) {
  render(
    <ApiContext.Provider value={server.client()}>
      <AuthPage onSignedIn={onSignedIn} />
    </ApiContext.Provider>,
  );
  return onSignedIn;
}

describe('AuthPage', () => {
  it('shouldShowFieldErrorsAndCallNoApiWhenTheFormIsInvalid', async () => {
    const server = new FakeServer();
    renderAuth(server);

    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(screen.getByText('That does not look like an email address.')).toBeInTheDocument();
    expect(screen.getByText('Use at least 8 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(server.requests).toHaveLength(0);
  });

  it('shouldSignUpAndStoreTheSessionWhenTheFormIsValid', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/signup', () => new Response(JSON.stringify(tokens()), { status: 201 }));
    const onSignedIn = renderAuth(server);

    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(server.calls('POST', '/api/v1/auth/signup')[0].body).toEqual({ email: 'sam@example.com', password: 'a-long-passphrase' });
  });

  it('shouldShowTheApiDetailAndFieldMessagesWhenSignupIsRefused', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/signup',
      problem(400, 'Some fields are invalid.', [{ field: 'password', message: 'is too common' }]));
    const onSignedIn = renderAuth(server);

    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'password123');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Some fields are invalid.');
    expect(screen.getByText('Is too common.')).toBeInTheDocument();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('shouldShowTheConflictDetailWhenTheEmailIsTaken', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/signup', problem(409, 'An account with this email already exists.'));
    renderAuth(server);

    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this email already exists.');
  });

  it('shouldSayThePasswordDoesNotMatchWhenSignInIsUnauthorized', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/login', problem(401, 'Bad credentials'));
    renderAuth(server);

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match. Please try again.');
    expect(screen.queryByLabelText('Username (optional)')).not.toBeInTheDocument();
  });

  it('shouldSayJumboCannotBeReachedWhenTheNetworkFails', async () => {
    const server = new FakeServer().on('POST', '/api/v1/auth/login', () => Promise.reject(new TypeError('Failed to fetch')));
    renderAuth(server);

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'whatever1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Jumbo cannot be reached right now.');
  });
});
