// A stand-in gateway for checking the e2e script and looking at the pages without the Java stack:
// serves target/classes/static and a small in-memory imitation of the public API (one process, no persistence).
// It is NOT a test of the backend; the real journey runs against the devstack.
//   node e2e/fake-gateway.mjs [port]      (default 8089)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const root = fileURLToPath(new URL('../target/classes/static/', import.meta.url));
const port = Number(process.argv[2] ?? 8089);
const users = new Map(); // token -> user
const byRefresh = new Map();
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function issue(user) {
  const accessToken = randomUUID();
  const refreshToken = randomUUID();
  users.set(accessToken, user);
  byRefresh.set(refreshToken, user);
  return { userId: user.id, username: user.username, accessToken, refreshToken, tokenType: 'Bearer', expiresIn: 900 };
}

function moodOf(text) {
  if (/\b(sad|tired|angry|worried|anxious)\b/i.test(text)) return { label: 'low', valence: -0.4, emotions: ['sadness'] };
  if (/\b(happy|great|love|glad)\b/i.test(text)) return { label: 'happy', valence: 0.7, emotions: ['joy'] };
  return { label: 'neutral', valence: 0.05, emotions: ['calm'] };
}

function take(user, message, conversationId) {
  const now = new Date().toISOString();
  let conv = user.conversations.find((c) => c.conversationId === conversationId);
  if (!conv) {
    conv = { conversationId: randomUUID(), startedAt: now, lastMessageAt: now, title: message.slice(0, 40), messages: [] };
    user.conversations.unshift(conv);
  }
  const mood = moodOf(message);
  user.moods.push({ at: now, ...mood });
  let reply;
  let preferredName = null;
  let memoriesUsed = [];
  const fact = message.match(/^my (\w+)'s name is (\w+)/i) ?? message.match(/^my (\w+) is (?:called |named )?(\w+)/i);
  const question = message.match(/what(?:'s| is) my (\w+)'s name/i);
  if (user.needsName && /^[A-Z][a-z]+$/.test(message.trim())) {
    preferredName = message.trim();
    user.preferredName = preferredName;
    user.needsName = false;
    reply = `Nice to meet you, ${preferredName}! How is your day going?`;
  } else if (fact) {
    const memory = { id: randomUUID(), text: `User's ${fact[1]} is named ${fact[2]}`, category: 'pets', subject: fact[1], values: [fact[2]],
      createdAt: now, updatedAt: now, lastRecalledAt: null, archived: false, sourceMessageId: randomUUID() };
    user.memories.push(memory);
    reply = `${fact[2]} is a lovely name. Tell me more about them?`;
  } else if (question) {
    const found = user.memories.filter((m) => m.subject === question[1].toLowerCase());
    memoriesUsed = found.map((m) => ({ id: m.id, text: m.text }));
    reply = found.length ? `Your ${question[1]} is ${found[0].values[0]}!` : `You haven't told me yet. What is it?`;
  } else {
    reply = 'I hear you. What else is on your mind?';
  }
  const messageId = randomUUID();
  conv.messages.push({ messageId, role: 'user', text: message, createdAt: now, mood }, { messageId: randomUUID(), role: 'assistant', text: reply, createdAt: now });
  conv.lastMessageAt = now;
  return { conversationId: conv.conversationId, messageId, reply, summary: { text: message, topics: [], mood }, preferredName, memoriesUsed };
}

function daily(moods) {
  const days = new Map();
  for (const m of moods) {
    const d = m.at.slice(0, 10);
    const e = days.get(d) ?? { date: d, sum: 0, count: 0 };
    e.sum += m.valence;
    e.count += 1;
    days.set(d, e);
  }
  return [...days.values()].map((d) => ({ date: d.date, averageValence: d.sum / d.count, count: d.count, dominant: null }));
}

const send = (res, status, body, type = 'application/json') => {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body === undefined || typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
};
const problem = (res, status, detail) => send(res, status, { type: 'about:blank', title: 'Error', status, detail }, 'application/problem+json');

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
  const path = url.pathname;
  if (!path.startsWith('/api/')) {
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return send(res, 404, 'not found', 'text/plain');
    try {
      return send(res, 200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      return send(res, 404, 'not found', 'text/plain');
    }
  }
  if (path === '/api/v1/auth/signup') {
    if (!body.password || body.password.length < 8) return problem(res, 400, 'The password must have at least 8 characters.');
    const user = { id: randomUUID(), email: body.email, username: body.email.split('@')[0], needsName: true, preferredName: null,
      conversations: [], memories: [], moods: [], createdAt: new Date().toISOString() };
    return send(res, 201, issue(user));
  }
  if (path === '/api/v1/auth/refresh') {
    const user = byRefresh.get(body.refreshToken);
    byRefresh.delete(body.refreshToken);
    return user ? send(res, 200, issue(user)) : problem(res, 401, 'Please sign in again.');
  }
  if (path === '/api/v1/auth/logout') return send(res, 204);
  const user = users.get((req.headers.authorization ?? '').replace('Bearer ', ''));
  if (!user) return problem(res, 401, 'Please sign in.');
  if (path === '/api/v1/chat/greeting') {
    return send(res, 200, user.needsName
      ? { message: `Hey ${user.username}! I noticed your name from your account, but I'd love to know—what should I call you?`, needsName: true }
      : { message: `Hey ${user.preferredName}, welcome back!`, needsName: false });
  }
  if (path === '/api/v1/chat/messages') return send(res, 200, take(user, body.message, body.conversationId));
  if (path === '/api/v1/chat/messages/stream') {
    const turn = take(user, body.message, body.conversationId);
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const word of turn.reply.split(/(?<= )/)) {
      res.write(`event:token\ndata:${word}\n\n`);
      await new Promise((r) => setTimeout(r, 40));
    }
    return res.end(`event:done\ndata:${JSON.stringify(turn)}\n\n`);
  }
  if (path === '/api/v1/chat/conversations') return send(res, 200, { items: user.conversations.map(({ messages, ...c }) => c), nextCursor: null });
  const conv = path.match(/^\/api\/v1\/chat\/conversations\/([^/]+)\/messages$/);
  if (conv) return send(res, 200, { items: user.conversations.find((c) => c.conversationId === conv[1])?.messages ?? [], nextCursor: null });
  if (path === '/api/v1/memories') {
    const q = (url.searchParams.get('query') ?? '').toLowerCase();
    return send(res, 200, { items: user.memories.filter((m) => m.text.toLowerCase().includes(q)), nextCursor: null });
  }
  if (path === '/api/v1/memories/moods') {
    const d = daily(user.moods);
    return send(res, 200, { entries: user.moods, daily: d, trend: { direction: 'stable', slopePerDay: 0 } });
  }
  if (path === '/api/v1/profile') {
    return send(res, 200, { userId: user.id, email: user.email, username: user.username, preferredName: user.preferredName, roles: ['user'], createdAt: user.createdAt });
  }
  return problem(res, 404, 'Not found.');
}).listen(port, '127.0.0.1', () => console.log(`fake gateway on http://127.0.0.1:${port}`));
