import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { FakeServer, json, problem, renderSignedIn } from '../test/fakeServer';
import { ProfilePage } from './ProfilePage';

const profile = { userId: 'u-1', email: 'sam@example.com', username: 'sam', preferredName: null, roles: ['user'], createdAt: '2026-11-01T10:00:00Z' };

describe('ProfilePage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shouldSaveTheExportAsAJsonFileWhenDownloadIsClicked', async () => {
    // jsdom has no object URLs or downloads: capture what the page hands to the browser
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), 'blob:export');
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {});
    const server = new FakeServer().on('GET', '/api/v1/profile', profile).on('GET', '/api/v1/profile/export', { profile, memories: [] });
    await renderSignedIn(<ProfilePage />, server);

    await userEvent.click(await screen.findByRole('button', { name: 'Download my data (JSON)' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^jumbo-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(link.href).toBe('blob:export');
    expect(JSON.parse(await saved[0].text())).toEqual({ profile, memories: [] });
  });

  it('shouldDeleteTheAccountOnlyAfterTheTypedConfirmationWhenAskedTo', async () => {
    const server = new FakeServer().on('GET', '/api/v1/profile', profile).on('DELETE', '/api/v1/profile', () => new Response(null, { status: 202 }));
    const { api } = await renderSignedIn(<ProfilePage />, server);
    let signedOut = false;
    api.onSignedOut(() => (signedOut = true));

    await userEvent.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const confirm = screen.getByRole('button', { name: 'Delete everything' });
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/To confirm, type/), 'delete my');
    expect(confirm).toBeDisabled();
    await userEvent.click(confirm);
    expect(server.calls('DELETE', '/api/v1/profile')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/To confirm, type/), ' account');
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    await waitFor(() => expect(signedOut).toBe(true));
    expect(server.calls('DELETE', '/api/v1/profile')).toHaveLength(1);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('shouldSaveThePreferredNameWhenItIsValid', async () => {
    const server = new FakeServer()
      .on('GET', '/api/v1/profile', profile)
      .on('PATCH', '/api/v1/profile', (r) => json({ ...profile, preferredName: (r.body as { preferredName: string }).preferredName }));
    await renderSignedIn(<ProfilePage />, server);

    await userEvent.type(await screen.findByLabelText('What should Jumbo call you?'), 'Harsha');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Saved. Jumbo will call you Harsha.')).toBeInTheDocument();
    expect(server.calls('PATCH', '/api/v1/profile')[0].body).toEqual({ preferredName: 'Harsha' });
  });

  it('shouldExplainTheRuleAndSendNothingWhenTheNameHasDigits', async () => {
    const server = new FakeServer().on('GET', '/api/v1/profile', profile);
    await renderSignedIn(<ProfilePage />, server);

    await userEvent.type(await screen.findByLabelText('What should Jumbo call you?'), 'R2D2');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));

    expect(screen.getByText('Use 1 to 50 letters, spaces, dots, apostrophes or hyphens.')).toBeInTheDocument();
    expect(server.calls('PATCH', '/api/v1/profile')).toHaveLength(0);
  });

  it('shouldShowTheApiErrorWhenTheExportFails', async () => {
    const server = new FakeServer().on('GET', '/api/v1/profile', profile).on('GET', '/api/v1/profile/export', problem(503, 'Export is not available right now.'));
    await renderSignedIn(<ProfilePage />, server);

    await userEvent.click(await screen.findByRole('button', { name: 'Download my data (JSON)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Export is not available right now.');
  });
});
