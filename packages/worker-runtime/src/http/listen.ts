import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  /** The bound port (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * Listens and waits until bound. close() stops accepting, then drops `all` connections (probe
 * servers: nothing to finish) or only `idle` keep-alive ones (APIs: in-flight requests complete).
 */
export async function listen(
  server: Server,
  // Loopback unless the caller opens it (KIAGO_API_HOST, KIAGO_HEALTH_HOST).
  { port, host = '127.0.0.1', drop }: { port: number; host?: string | undefined; drop: 'all' | 'idle' },
): Promise<ListeningServer> {
  server.listen(port, host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if (drop === 'all') server.closeAllConnections();
        else server.closeIdleConnections();
      }),
  };
}
