import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors.js';

/**
 * How long a request's body may go without a byte arriving while the server waits for it
 * (QIANXING_BODY_IDLE_TIMEOUT_S). A slow line that keeps sending is never cut off, however long
 * the whole upload takes; a client that stops mid-body no longer holds the request, its memory
 * and an import's reading thread until Node's own limit on the whole request (5 minutes).
 *
 * Written by hand because Node's server options do not say this: `requestTimeout` bounds the
 * whole request (a steady upload over a slow line fails as a stalled one does) and is checked only
 * every 30 s; a socket's `timeout` also runs while the app works on a request without writing (an
 * import of 20,000 rows) and ends the connection without an answer; `headersTimeout` is for the
 * headers alone. The timer here runs only while something waits for the body's next part, so a
 * server slow to read is never blamed on the client.
 */
export const defaultBodyIdleMs = 30_000;

/** The body stopped arriving (REQUEST_TIMEOUT, `body_stalled`); the connection closes with the answer. */
export function bodyStalled(idleMs: number): AppError {
  const seconds = Math.round(idleMs / 100) / 10;
  return new AppError('REQUEST_TIMEOUT', `nothing of the body arrived for ${seconds} s`, [
    {
      path: '(body)',
      message: `nothing arrived for ${seconds} s`,
      code: 'body_stalled',
      params: { seconds },
    },
  ]);
}

/**
 * The next part of a Node request's body, or null at its end; `stalled` when nothing arrives for
 * `idleMs` while it is awaited. Read in paused mode, so nothing is read before it is asked for.
 */
function nextPart(incoming: IncomingMessage, idleMs: number, stalled: () => Error): Promise<Buffer | null> {
  const ready = incoming.read() as Buffer | null;
  if (ready !== null) return Promise.resolve(ready);
  if (incoming.readableEnded) return Promise.resolve(null);
  if (incoming.destroyed) return Promise.reject(new Error('the request was cut off'));
  return new Promise((resolve, reject) => {
    const settle = (then: () => void) => {
      clearTimeout(timer);
      incoming.off('readable', onReadable);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
      then();
    };
    const onReadable = () => {
      const part = incoming.read() as Buffer | null;
      // At the end `read()` gives null and 'end' follows.
      if (part !== null) settle(() => resolve(part));
    };
    const onEnd = () => settle(() => resolve(null));
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () =>
      settle(() => (incoming.readableEnded ? resolve(null) : reject(new Error('the request was cut off'))));
    const timer = setTimeout(() => settle(() => reject(stalled())), idleMs);
    incoming.on('readable', onReadable);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** A Node request's body part by part, each awaited for at most `idleMs` (then `stalled()` is thrown). */
export async function* bodyParts(
  incoming: IncomingMessage,
  idleMs: number,
  stalled: () => Error,
): AsyncGenerator<Buffer> {
  for (;;) {
    const part = await nextPart(incoming, idleMs, stalled);
    if (part === null) return;
    yield part;
  }
}

/** Reads a Node request body whole, null once it passes `maxSize` bytes (the rest is discarded). */
export async function readWithin(
  incoming: IncomingMessage,
  maxSize: number,
  idleMs: number,
  stalled: () => Error,
): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of bodyParts(incoming, idleMs, stalled)) {
    size += part.length;
    if (size > maxSize) {
      incoming.resume();
      return null;
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}

/**
 * `raw` with its body read from `incoming` through `bodyParts`: every way a route reads the body
 * (a form, JSON, the stream an import hands to its reading thread) then waits at most `idleMs`
 * for each part. The stream pulls a part only when asked, so the timer runs only while a reader waits.
 */
export function withIdleBody(raw: Request, incoming: IncomingMessage, idleMs: number, stalled: () => Error) {
  return new Request(raw.url, {
    method: raw.method,
    headers: raw.headers,
    body: ReadableStream.from(bodyParts(incoming, idleMs, stalled)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
}
