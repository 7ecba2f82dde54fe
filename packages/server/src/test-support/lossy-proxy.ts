import { createServer, type Socket, connect as tcpConnect } from 'node:net';

/**
 * A TCP relay on loopback between a PostgreSQL client and the server that can lose one answer:
 * once armed, the first connection that sends a statement containing `marker` is cut as soon as
 * the server says it is ready again (ReadyForQuery, sent after the statement's implicit
 * transaction has committed), and the client never receives that answer. This is a connection
 * dropped after the commit reached the database, on a real server and a real client.
 */
export async function lossyProxy(target: string) {
  const to = new URL(target);
  let marker: string | null = null;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = tcpConnect(Number(to.port || 5432), to.hostname);
    sockets.add(client).add(upstream);
    let doomed = false;
    // The server's messages after the start: a type byte and a length that counts itself.
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      if (marker !== null && chunk.includes(marker)) {
        marker = null;
        doomed = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!doomed) {
        client.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      for (let at = 0; at + 5 <= pending.length; at += 1 + pending.readInt32BE(at + 1)) {
        if (pending[at] === 0x5a /* 'Z' */) {
          cuts++;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    /** Loses the answer to the next statement whose text contains `text`. */
    loseAnswerTo(text: string) {
      marker = text;
    },
    /** How many answers were lost. */
    cuts: () => cuts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
