import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeServer, json, renderSignedIn } from '../test/fakeServer';
import { MemoriesPage } from './MemoriesPage';

const dog = {
  id: 'm-dog', text: "User's dog is named Biscuit", category: 'pets', subject: 'dog', values: ['Biscuit'],
  createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z', lastRecalledAt: null, archived: false, sourceMessageId: 's1',
};
const sister = {
  id: 'm-sis', text: "User's sister lives in Paris", category: 'relationships', subject: 'sister', values: ['Paris'],
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-22T10:00:00Z', lastRecalledAt: null, archived: false, sourceMessageId: 's2',
};

function memoryServer(items = [dog, sister]) {
  return new FakeServer().on('GET', '/api/v1/memories', (r) => {
    const q = r.url.searchParams.get('query')?.toLowerCase() ?? '';
    const category = r.url.searchParams.get('category') ?? '';
    return json({ items: items.filter((m) => m.text.toLowerCase().includes(q) && (!category || m.category === category)), nextCursor: null });
  });
}

function card(text: string) {
  return screen.getByText(text).closest('li')!;
}

describe('MemoriesPage', () => {
  it('shouldListMemoriesWhenThePageOpens', async () => {
    await renderSignedIn(<MemoriesPage />, memoryServer());

    expect(await screen.findByText("User's dog is named Biscuit")).toBeInTheDocument();
    expect(screen.getByText("User's sister lives in Paris")).toBeInTheDocument();
    expect(within(card("User's dog is named Biscuit")).getByText('pets')).toBeInTheDocument();
  });

  it('shouldShowAnEmptyStateWhenThereAreNoMemories', async () => {
    await renderSignedIn(<MemoriesPage />, memoryServer([]));

    expect(await screen.findByText(/Nothing yet/)).toBeInTheDocument();
  });

  it('shouldSendTheQueryCategoryAndArchivedFilterWhenTheUserFilters', async () => {
    const server = memoryServer();
    await renderSignedIn(<MemoriesPage />, server);
    await screen.findByText("User's dog is named Biscuit");

    await userEvent.type(screen.getByLabelText('Search memories'), 'paris');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(screen.queryByText("User's dog is named Biscuit")).not.toBeInTheDocument());
    expect(screen.getByText("User's sister lives in Paris")).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Category'), 'pets');
    expect(await screen.findByText(/No memories match that/)).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Show archived'));
    await waitFor(() => {
      const last = server.calls('GET', '/api/v1/memories').at(-1)!.url.searchParams;
      expect([last.get('query'), last.get('category'), last.get('includeArchived')]).toEqual(['paris', 'pets', 'true']);
    });
  });

  it('shouldPatchTheTextWhenAMemoryIsEdited', async () => {
    const server = memoryServer().on('PATCH', '/api/v1/memories/m-dog', (r) => json({ ...dog, text: (r.body as { text: string }).text }));
    await renderSignedIn(<MemoriesPage />, server);
    await screen.findByText("User's dog is named Biscuit");

    await userEvent.click(within(card("User's dog is named Biscuit")).getByRole('button', { name: /^Edit/ }));
    const box = screen.getByLabelText('Edit memory');
    await userEvent.clear(box);
    await userEvent.type(box, "User's dog is named Biscuit Jr");
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText("User's dog is named Biscuit Jr")).toBeInTheDocument();
    expect(server.calls('PATCH', '/api/v1/memories/m-dog')[0].body).toEqual({ text: "User's dog is named Biscuit Jr" });
  });

  it('shouldDeleteOnlyAfterConfirmationWhenTheUserDeletes', async () => {
    const server = memoryServer().on('DELETE', '/api/v1/memories/m-sis', () => new Response(null, { status: 204 }));
    await renderSignedIn(<MemoriesPage />, server);
    await screen.findByText("User's sister lives in Paris");

    await userEvent.click(within(card("User's sister lives in Paris")).getByRole('button', { name: /^Delete/ }));
    expect(server.calls('DELETE', '/api/v1/memories/m-sis')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByText("User's sister lives in Paris")).toBeInTheDocument();

    await userEvent.click(within(card("User's sister lives in Paris")).getByRole('button', { name: /^Delete/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));

    await waitFor(() => expect(screen.queryByText("User's sister lives in Paris")).not.toBeInTheDocument());
    expect(server.calls('DELETE', '/api/v1/memories/m-sis')).toHaveLength(1);
    expect(screen.getByText("User's dog is named Biscuit")).toBeInTheDocument();
  });

  it('shouldShowEarlierVersionsWhenHistoryIsOpened', async () => {
    const server = memoryServer().on('GET', '/api/v1/memories/m-sis', {
      ...sister,
      history: [{ change: 'updated', text: "User's sister lives in London", values: ['London'], at: '2026-11-21T10:00:00Z', sourceMessageId: 's0' }],
    });
    await renderSignedIn(<MemoriesPage />, server);
    await screen.findByText("User's sister lives in Paris");

    const toggle = within(card("User's sister lives in Paris")).getByRole('button', { name: 'History' });
    await userEvent.click(toggle);

    expect(await screen.findByText("User's sister lives in London")).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });
});
