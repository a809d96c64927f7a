import { parseGpuWorkerProcessEnv } from '@kiago/gpu-worker';
import { ensembleTc, funnelRateLines } from '@kiago/report';
import { parseOrThrow } from '@kiago/shared';
import { parseTemporalEnv, runWorkerProcess } from '@kiago/worker-runtime';
import type { Command } from 'commander';
import { z } from 'zod';
import { ensureTemporalAddress } from '../dev/dev-server.js';
import { devUpWorkerOptions } from '../dev/dev-up-options.js';
import { runDemo } from '../dev/run-demo.js';
import { createAllWorkers } from '../dev/start-all-workers.js';
import { cliDataDir, cliEnvironment } from '../env.js';
import { outputFormatSchema, printResult } from '../output/format.js';
import { integerFlag } from './cli-flags.js';

const demoOptionsSchema = z.object({
  top: integerFlag('--top', { min: 1, max: 1000 }).default(10),
  format: outputFormatSchema.default('table'),
});

/** The environment with TEMPORAL_ADDRESS filled in (the local dev server when unset). */
async function envWithTemporal(): Promise<Record<string, string | undefined>> {
  return { ...cliEnvironment(), TEMPORAL_ADDRESS: await ensureTemporalAddress(cliEnvironment()) };
}

/** `kiago dev …`: everything in one process on one machine (demo, development). */
export function registerDevCommand(program: Command): void {
  const dev = program
    .command('dev')
    .description('Run the whole system in one process (development, the demo)');

  dev
    .command('up')
    .description(
      'Run the orchestrator, gpu and screening workers in this process until Ctrl-C (starts a local Temporal ' +
        'dev server when TEMPORAL_ADDRESS is unset)',
    )
    .action(async () => {
      const env = parseGpuWorkerProcessEnv(await envWithTemporal());
      await runWorkerProcess({
        name: 'kiago-dev',
        env: env.worker,
        createWorkers: (deps) => createAllWorkers(devUpWorkerOptions(env, deps)),
      });
    });

  dev
    .command('demo')
    .description(
      'Launch a campaign (default examples/demo.yaml) with every worker in this process and the shipped models, ' +
        'wait for it, print the best candidates and the report path',
    )
    .argument('[spec]', 'campaign spec (YAML or JSON)', 'examples/demo.yaml')
    .option('--top <n>', 'how many candidates to print', '10')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (specPath: string, raw: unknown) => {
      const options = parseOrThrow(demoOptionsSchema, raw, 'kiago dev demo');
      const env = await envWithTemporal();
      const gpu = parseGpuWorkerProcessEnv(env);
      const result = await runDemo({
        specPath,
        databaseUrl: gpu.worker.databaseUrl,
        temporal: parseTemporalEnv(env),
        backend: gpu.tfBackend,
        top: options.top,
        dataDir: cliDataDir(),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      const bound = result.eHullThreshold;
      // The same rows and filter as the report's top table, and the filter said out loud.
      process.stderr.write(
        `[kiago] top ${result.top.rows.length} candidates: passed screening, e_above_hull ≤ ${bound.eHullEvPerAtom} eV/atom ` +
          `(${bound.source}), ${result.top.basis === 'best-per-material' ? 'best candidate per material' : 'raw candidates'}, by Tc\n`,
      );
      const withEnsemble = result.top.rows.some((c) => c.tcEnsembleMeanKelvin !== null);
      printResult(options.format, { eHullThreshold: bound, ...result.top }, () => ({
        columns: [
          'formula',
          'base',
          'Tc (K)',
          ...(withEnsemble ? ['Tc ensemble (K)'] : []),
          'ΔTc (K)',
          'Ef (eV/atom)',
          'E_hull (eV/atom)',
          'hits',
          'in domain',
        ],
        rows: result.top.rows.map((c) => [
          c.materialFormula ?? c.formula,
          c.baseFormula,
          c.tcKelvin,
          ...(withEnsemble ? [ensembleTc(c.tcEnsembleMeanKelvin, c.tcEnsembleSdKelvin)] : []),
          c.deltaTcKelvin,
          c.efEvPerAtom,
          c.eAboveHullEvPerAtom,
          c.hitCount,
          c.inDomain ? 'yes' : 'no',
        ]),
      }));
      if (withEnsemble) {
        // The optimiser climbs the one model it differentiates; the ensemble re-predicts the formula.
        process.stderr.write(
          '[kiago] Tc ensemble = mean ± sd of the ensemble members on the integer formula; a wide sd is a Tc ' +
            `only the optimised model believes. Ranked by mean − sd: kiago candidates top --run ${result.run.runId} --passed --max-ehull ${bound.eHullEvPerAtom} --rank lcb\n`,
        );
      }
      for (const line of funnelRateLines(result.funnel.stages)) process.stderr.write(`[kiago] ${line}\n`);
      process.stderr.write(
        `[kiago] run ${result.run.runId}: ${result.run.status}, ${result.run.shards.succeeded}/${result.run.shards.total} ` +
          `shards, ${result.run.candidates} candidates in ${result.seconds.toFixed(0)} s\n[kiago] report: ${result.reportPath}\n`,
      );
    });
}
