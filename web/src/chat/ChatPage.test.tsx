import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeServer, renderSignedIn, sseStream } from '../test/fakeServer';
import { ChatPage } from './ChatPage';

function chatServer() {
  return new FakeServer()
    .on('GET', '/api/v1/chat/greeting', { message: 'Hey sam! What should I call you?', needsName: true })
    .on('GET', '/api/v1/chat/conversations', { items: [], nextCursor: null });
}

function turn(overrides: Record<string, unknown> = {}) {
  return {
    conversationId: 'conv-1',
    messageId: 'msg-1',
    reply: 'That sounds like a long day. What helped?',
    summary: { text: 'User had a long day', topics: ['work'], mood: { label: 'tired but proud', valence: 0.2, emotions: ['tired', 'proud'] } },
    preferredName: null,
    memoriesUsed: [],
    ...overrides,
  };
}

async function say(text: string) {
  await userEvent.type(screen.getByLabelText('Message to Jumbo'), text);
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
}

describe('ChatPage', () => {
  it('shouldShowTheGreetingAndAskForANameWhenTheUserArrives', async () => {
    await renderSignedIn(<ChatPage />, chatServer());

    expect(await screen.findByText('Hey sam! What should I call you?')).toBeInTheDocument();
    expect(screen.getByLabelText('Message to Jumbo')).toHaveAttribute('placeholder', 'Tell Jumbo what to call you…');
    expect(screen.getByRole('log')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('No conversations yet. Say hello!')).toBeInTheDocument();
  });

  it('shouldAppendStreamedTokensAsTheyArriveAndShowTheMoodWhenDone', async () => {
    const stream = sseStream();
    const server = chatServer().on('POST', '/api/v1/chat/messages/stream', () => stream.response);
    await renderSignedIn(<ChatPage />, server);
    await screen.findByText('Hey sam! What should I call you?');

    await say('Long day at work but I finished the project');
    stream.token('That sounds ');
    await screen.findByText('That sounds', { exact: false });
    expect(screen.queryByText('That sounds like', { exact: false })).not.toBeInTheDocument();
    stream.token('like a long day. ');
    expect(await screen.findByText('That sounds like a long day.', { exact: false })).toBeInTheDocument();

    stream.done(turn());

    expect(await screen.findByText('That sounds like a long day. What helped?')).toBeInTheDocument();
    const userBubble = screen.getByText('Long day at work but I finished the project').closest('article')!;
    expect(within(userBubble).getByText('tired but proud')).toBeInTheDocument();
    expect(userBubble.querySelector('[data-valence]')).toHaveAttribute('data-valence', '0.20');
    expect(userBubble).toHaveTextContent('slightly positive');
    expect(server.calls('POST', '/api/v1/chat/messages/stream')[0].body).toEqual({ message: 'Long day at work but I finished the project' });
    expect(server.calls('POST', '/api/v1/chat/messages/stream')[0].headers.Accept).toBe('text/event-stream');
  });

  it('shouldContinueTheSameConversationWhenTheNextMessageIsSent', async () => {
    const server = chatServer().on('POST', '/api/v1/chat/messages/stream', () => {
      const s = sseStream();
      queueMicrotask(() => s.done(turn()));
      return s.response;
    });
    await renderSignedIn(<ChatPage />, server);

    await say('first');
    await screen.findByText('That sounds like a long day. What helped?');
    await say('second');

    await waitFor(() => expect(server.calls('POST', '/api/v1/chat/messages/stream')).toHaveLength(2));
    expect(server.calls('POST', '/api/v1/chat/messages/stream')[1].body).toEqual({ message: 'second', conversationId: 'conv-1' });
    expect(screen.getByText('Hey sam! What should I call you?')).toBeInTheDocument();
  });

  it('shouldListTheMemoriesUsedWhenTheReplyDrewOnMemories', async () => {
    const server = chatServer().on('POST', '/api/v1/chat/messages/stream', () => {
      const s = sseStream();
      queueMicrotask(() => s.done(turn({ reply: 'Yes, Charvik and Devansh!', memoriesUsed: [{ id: 'm1', text: "User's friends are Charvik and Devansh" }] })));
      return s.response;
    });
    await renderSignedIn(<ChatPage />, server);

    await say('Do you remember my friends?');

    const summary = await screen.findByText('Memories used (1)');
    const details = summary.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await userEvent.click(summary);
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText("User's friends are Charvik and Devansh")).toBeInTheDocument();
  });

  it('shouldRenderMarkupAsTextWhenAMessageContainsHtml', async () => {
    const attack = '<img src=x onerror=alert(1)>';
    const server = chatServer().on('POST', '/api/v1/chat/messages/stream', () => {
      const s = sseStream();
      queueMicrotask(() => s.done(turn({ reply: `You said ${attack}` })));
      return s.response;
    });
    const { container } = await renderSignedIn(<ChatPage />, server);

    await say(attack);

    expect(await screen.findByText(`You said ${attack}`)).toBeInTheDocument();
    expect(screen.getByText(attack)).toBeInTheDocument();
    expect(container.querySelector('.log img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
  });

  it('shouldShowThePlainWordsErrorAndKeepTheDraftWhenSendingFails', async () => {
    const server = chatServer()
      .on('POST', '/api/v1/chat/messages/stream', () => Promise.reject(new TypeError('Failed to fetch')))
      .on('POST', '/api/v1/chat/messages', () => Promise.reject(new TypeError('Failed to fetch')));
    await renderSignedIn(<ChatPage />, server);

    await say('hello there');

    expect(await screen.findByRole('alert')).toHaveTextContent('Your message could not be sent. Jumbo cannot be reached right now.');
    expect(screen.getByLabelText('Message to Jumbo')).toHaveValue('hello there');
  });

  it('shouldLoadAConversationsMessagesWhenItIsChosen', async () => {
    const server = chatServer()
      .on('GET', '/api/v1/chat/conversations', {
        items: [{ conversationId: 'c-9', startedAt: '2026-11-20T10:00:00Z', lastMessageAt: '2026-11-20T10:05:00Z', title: 'About my sister' }],
        nextCursor: null,
      })
      .on('GET', '/api/v1/chat/conversations/c-9/messages', {
        items: [
          { messageId: 'a', role: 'user', text: 'My sister lives in Paris', createdAt: '2026-11-20T10:00:00Z', mood: { label: 'calm', valence: 0.1, emotions: [] } },
          { messageId: 'b', role: 'assistant', text: 'Paris! Do you visit her often?', createdAt: '2026-11-20T10:00:01Z' },
        ],
        nextCursor: null,
      });
    await renderSignedIn(<ChatPage />, server);

    await userEvent.click(await screen.findByRole('button', { name: /About my sister/ }));

    expect(await screen.findByText('Paris! Do you visit her often?')).toBeInTheDocument();
    expect(screen.getByText('calm')).toBeInTheDocument();
    expect(screen.queryByText('Hey sam! What should I call you?')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'New chat' }));
    expect(await screen.findByText('Hey sam! What should I call you?')).toBeInTheDocument();
    expect(screen.queryByText('Paris! Do you visit her often?')).not.toBeInTheDocument();
  });
});
