import { describe, expect, it } from 'vitest';
import { readSseFrames, type SseFrame } from './sse';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(encoder.encode(c)));
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<SseFrame[]> {
  const frames: SseFrame[] = [];
  for await (const f of readSseFrames(body)) frames.push(f);
  return frames;
}

describe('readSseFrames', () => {
  it('shouldYieldFramesWhenTheyArriveSplitAcrossChunks', async () => {
    const frames = await collect(streamOf('event:tok', 'en\ndata:Hello \n', '\nevent:token\ndata:there\n\nevent:done\ndata:{"a":1}\n\n'));
    expect(frames).toEqual([
      { event: 'token', data: 'Hello ' },
      { event: 'token', data: 'there' },
      { event: 'done', data: '{"a":1}' },
    ]);
  });

  it('shouldJoinDataLinesAndDropOneLeadingSpaceWhenFramesUseCrlf', async () => {
    const frames = await collect(streamOf(': keep-alive\r\n\r\nevent: token\r\ndata: line one\r\ndata:  two\r\n\r\n'));
    expect(frames).toEqual([{ event: 'token', data: 'line one\n two' }]);
  });

  it('shouldYieldTheLastFrameWhenTheStreamEndsWithoutABlankLine', async () => {
    const frames = await collect(streamOf('data:x'));
    expect(frames).toEqual([{ event: 'message', data: 'x' }]);
  });
});
