import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { ApiDeps, ApiLogger, ApiResponse, Route } from './api-types.js';
import { createBearerCheck } from './bearer-auth.js';
import { campaignRoutes } from './campaign-routes.js';
import { healthRoutes } from './health-routes.js';
import { errorResponse, HttpError } from './http-error.js';
import { predictRoutes } from './predict-routes.js';
import { runRoutes } from './run-routes.js';

export interface ApiServerOptions extends ApiDeps {
  /** Every route but /healthz and /readyz needs `Authorization: Bearer <token>`. */
  token: string;
  logger?: ApiLogger;
}

const ROUTES: readonly Route[] = [...healthRoutes, ...campaignRoutes, ...runRoutes, ...predictRoutes];

const optionsSchema = z.object({
  // Short tokens can be guessed; 16+ characters from a generator (openssl rand -hex 32) cannot.
  token: z.string().min(16, 'the API token (KIAGO_API_TOKEN) must be at least 16 characters'),
});

/**
 * The kiago HTTP API on node:http (no framework: six routes). Returns an http.Server that is not
 * listening yet: `server.listen(port)`. JSON in and out; errors as { error: { code, message, issues? } }.
 */
export function createApiServer(options: ApiServerOptions): Server {
  const { token } = parseOrThrow(optionsSchema, { token: options.token }, 'API server options');
  const checkToken = createBearerCheck(token);
  const deps: ApiDeps = {
    db: options.db,
    launcher: options.launcher,
    predictor: options.predictor,
    campaignPlan: options.campaignPlan,
  };
  const logger: ApiLogger = options.logger ?? { error: (message, fields) => console.error(message, fields) };

  return createServer((request, response) => {
    void handle(request, deps, checkToken).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        const failure = errorResponse(error);
        if (failure.internal) {
          logger.error('API request failed', {
            method: request.method,
            // The path only: query strings can carry what does not belong in logs.
            path: (request.url ?? '/').split('?')[0],
            error: (error as Error)?.stack ?? String(error),
          });
        }
        send(response, { status: failure.status, body: failure.body }, failure.headers);
      },
    );
  });
}

async function handle(
  request: IncomingMessage,
  deps: ApiDeps,
  checkToken: (authorization: string | undefined) => void,
): Promise<ApiResponse> {
  const url = new URL(request.url ?? '/', 'http://api.invalid');
  const matching = ROUTES.flatMap((route) => {
    const match = route.pattern.exec(url.pathname);
    return match ? [{ route, params: { ...match.groups } }] : [];
  });
  // Authenticate before saying anything about routes, so probing paths needs the token too.
  if (!matching.some(({ route }) => route.public)) checkToken(request.headers.authorization);
  if (matching.length === 0) throw new HttpError(404, 'NO_ROUTE', `no route ${url.pathname}`);
  const found = matching.find(({ route }) => route.method === request.method);
  if (!found) {
    const allowed = matching.map(({ route }) => route.method).join(', ');
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${request.method} ${url.pathname}: use ${allowed}`, {
      allow: allowed,
    });
  }
  const params = Object.fromEntries(
    Object.entries(found.params).map(([k, v]) => [k, decodePathPart(v ?? '')]),
  );
  return found.route.handle(deps, { request, url, params });
}

// NUL and other control characters are never in a name or id, and Postgres refuses NUL in text.
function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function decodePathPart(part: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'BAD_PATH', `malformed percent-encoding in ${JSON.stringify(part)}`);
  }
  if (hasControlCharacter(decoded)) {
    throw new HttpError(400, 'BAD_PATH', `control characters in ${JSON.stringify(part)}`);
  }
  return decoded;
}

function send(
  response: ServerResponse,
  answer: ApiResponse,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = answer.contentType ? String(answer.body) : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': answer.contentType ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}
