export { type ApiEnv, parseApiEnv } from './api-env.js';
export type { ApiLogger, CampaignLauncher, Predictor, PredictRequest } from './api-types.js';
export { type ApiServerOptions, createApiServer } from './create-api-server.js';
export type { ErrorBody } from './http-error.js';
export { type RunningApiServer, startApiServer, temporalLauncher } from './start-api-server.js';
export { temporalPredictor } from './temporal-predictor.js';
