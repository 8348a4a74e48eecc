export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Reads `text/event-stream` frames from a fetch body (EventSource cannot POST or send a bearer token).
 * Follows the SSE rules we rely on: frames end with a blank line, `data:` lines join with "\n",
 * one space after the colon is dropped, `:` lines are comments.
 */
export async function* readSseFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      buffer = buffer.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (frame) yield frame;
      }
    }
    buffer += decoder.decode();
    const last = parseFrame(buffer.replace(/\r\n?/g, '\n').trim() ? buffer : '');
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

function parseFrame(block: string): SseFrame | null {
  let event = 'message';
  const data: string[] = [];
  let sawData = false;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') {
      data.push(value);
      sawData = true;
    }
  }
  return sawData ? { event, data: data.join('\n') } : null;
}
