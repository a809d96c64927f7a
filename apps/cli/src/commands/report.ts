import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildRunReport, renderReportHtml } from '@kiago/report';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { decimalFlag, integerFlag, runIdArgument } from './cli-flags.js';
import { defaultOrchestrationDeps, type OrchestrationCommandDeps, withDb } from './orchestration-deps.js';

const reportOptionsSchema = z.object({
  runId: runIdArgument,
  out: z.string().trim().min(1, '--out must be a file path').optional(),
  maxEhull: decimalFlag('--max-ehull', 'eV/atom').optional(),
  top: integerFlag('--top', { min: 1, max: 500 }).default(30),
  inDomain: z.boolean().default(false),
  format: z.enum(['html', 'json'], { error: '--format must be html or json' }).default('html'),
});

/** `kiago report <run>`: a self-contained HTML report (SVG plots, no external assets). */
export function registerReportCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  program
    .command('report')
    .description(
      'HTML report of a run: Tc distribution, optimisation trajectories, pass-rate funnel and top candidates with ΔTc',
    )
    .argument('<run>', 'run id')
    .option('--out <file>', 'write the report here (default: standard output)')
    .option('--max-ehull <eV>', "hull bound for the funnel and the table (default: the spec's, else 0.1)")
    .option('--top <n>', 'rows in the top-candidate table', '30')
    .option(
      '--in-domain',
      "top table: only candidates whose every element is in the Tc model's training support",
    )
    .option('--format <format>', 'html | json (the report data)', 'html')
    .action(async (runId: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(reportOptionsSchema, { ...raw, runId }, 'kiago report');
      const data = await withDb(deps, (db) =>
        buildRunReport(db, options.runId, {
          maxEHullEvPerAtom: options.maxEhull,
          topLimit: options.top,
          inDomainOnly: options.inDomain,
        }),
      );
      const output =
        options.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : renderReportHtml(data);
      if (options.out === undefined) {
        process.stdout.write(output);
        return;
      }
      const path = resolve(options.out);
      await writeFile(path, output);
      process.stderr.write(`wrote ${path} (${Math.ceil(Buffer.byteLength(output) / 1024)} KiB)\n`);
    });
}
