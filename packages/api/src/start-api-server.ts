import type { OrchestrationContext } from '@kiago/orchestration';
import { launchCampaign } from '@kiago/orchestration';
import { type ListeningServer, listen } from '@kiago/worker-runtime';
import type { CampaignLauncher } from './api-types.js';
import { type ApiServerOptions, createApiServer } from './create-api-server.js';

/** POST /campaigns in production: launchCampaign on the process's Temporal client. */
export function temporalLauncher(ctx: OrchestrationContext): CampaignLauncher {
  return ({ spec, replaceSpec }) =>
    launchCampaign(ctx, { spec, replaceSpec, source: 'POST /campaigns body' });
}

export type RunningApiServer = ListeningServer;

/** createApiServer + listen; close() stops accepting and drops idle keep-alive connections. */
export async function startApiServer(
  options: ApiServerOptions & { port: number; host?: string },
): Promise<RunningApiServer> {
  const server = createApiServer(options);
  return listen(server, { port: options.port, host: options.host, drop: 'idle' });
}
