/**
 * One worker process of reproduce-paper.ts: loads the models once, then runs the units the
 * parent sends over IPC and writes each result file before reporting it done.
 * Started by the parent with one argument: the JSON of WorkerConfig.
 */
import {
  buildElemNet,
  buildTcModel,
  foldShardModels,
  loadShardModels,
  selectTfBackend,
  type TfBackendChoice,
} from '@kiago/optimiser';
import { runUnit } from './run-unit.ts';
import { writeUnitResult } from './unit-result.ts';
import type { WorkUnit } from './units.ts';

export interface WorkerConfig {
  root: string;
  outDir: string;
  backend: TfBackendChoice;
  tcDir: string;
  efDir: string;
  /** Untrained models of the shipped widths (tests of the runner, never a report). */
  smoke: boolean;
}

export type ToWorker = { type: 'run'; unit: WorkUnit } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; backend: string }
  | { type: 'done'; id: string; seconds: number }
  | { type: 'failed'; id: string; message: string };

const config: WorkerConfig = JSON.parse(process.argv[2] ?? '{}');
const send = (message: FromWorker) => process.send?.(message);
const lines: string[] = [];
await selectTfBackend(config.backend, (line) => lines.push(line));
const models = config.smoke
  ? foldShardModels(buildTcModel({ width: 0.25 }), buildElemNet({ width: 0.5 }))
  : await loadShardModels({ tcDir: config.tcDir, efDir: config.efDir });

process.on('message', async (message: ToWorker) => {
  if (message.type === 'stop') {
    models.dispose();
    process.disconnect();
    return;
  }
  try {
    const result = await runUnit(message.unit, models, config.root);
    await writeUnitResult(config.outDir, result);
    send({ type: 'done', id: result.id, seconds: result.seconds });
  } catch (error) {
    send({
      type: 'failed',
      id: message.unit.id,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
send({ type: 'ready', backend: lines.join(' ') });
