import type { IncomingMessage } from 'node:http';
import type { Db } from '@kiago/db';
import type { CampaignPlanSettings, LaunchedRun } from '@kiago/orchestration';
import type { CampaignSpec } from '@kiago/shared';
import type { PredictFormulasInput } from '@kiago/worker-runtime';

/** Starts a run of a validated spec (launchCampaign with a Temporal client in production). */
export type CampaignLauncher = (input: { spec: CampaignSpec; replaceSpec: boolean }) => Promise<LaunchedRun>;

export interface ApiLogger {
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ApiDeps {
  db: Db;
  launcher: CampaignLauncher;
  /** Runs the models for GET /predict: in-process (createPredictor) or on the gpu workers (temporalPredictor). */
  predictor: Predictor;
  /** The deployment's limits, throughput figure and confirmation threshold (POST /campaigns, ?dryRun=true). */
  campaignPlan: CampaignPlanSettings;
}

/** The gpu workers' predictFormulas input: the orchestrator forwards GET /predict to them. */
export type PredictRequest = PredictFormulasInput;

/** @kiago/optimiser's createPredictor() fits: the API itself never loads TensorFlow. */
export type Predictor = (db: Db, request: PredictRequest) => Promise<object>;

export interface ApiRequest {
  request: IncomingMessage;
  url: URL;
  /** Named groups of the route's pattern, e.g. { runId }. */
  params: Readonly<Record<string, string>>;
}

export interface ApiResponse {
  status: number;
  /** JSON-serialised unless `contentType` says otherwise (then a string). */
  body: unknown;
  contentType?: string;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Health probes answer without a token (kubelet has none). */
  public?: boolean;
  handle(deps: ApiDeps, request: ApiRequest): Promise<ApiResponse>;
}
