import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { launchCampaign } from '../campaigns/launch-campaign.js';
import type { OrchestrationContext } from '../temporal/orchestration-context.js';
import type { CampaignLauncher } from './api-types.js';
import { type ApiServerOptions, createApiServer } from './create-api-server.js';

/** POST /campaigns in production: launchCampaign on the process's Temporal client. */
export function temporalLauncher(ctx: OrchestrationContext): CampaignLauncher {
  return ({ spec, replaceSpec }) =>
    launchCampaign(ctx, { spec, replaceSpec, source: 'POST /campaigns body' });
}

export interface RunningApiServer {
  /** The bound port (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/** createApiServer + listen; close() stops accepting and drops idle keep-alive connections. */
export async function startApiServer(
  options: ApiServerOptions & { port: number; host?: string },
): Promise<RunningApiServer> {
  const server = createApiServer(options);
  server.listen(options.port, options.host ?? '0.0.0.0');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
