import type { RunProgress } from '@kiago/orchestration';
import { Presets, SingleBar } from 'cli-progress';
import { bestTcText, progressLine, shardsDone } from './progress-line.js';

/** Shows a run's progress as it is polled. */
export interface ProgressReporter {
  update(progress: RunProgress): void;
  /** The last state, once the run has finished (or the wait was given up). */
  stop(progress: RunProgress | null): void;
}

export interface ProgressReporterOptions {
  stream: NodeJS.WriteStream;
  /** Non-TTY streams (CI logs, pipes) get a line at most this often, and only when something changed. */
  logIntervalMs?: number;
  now?: () => number;
}

/** A live bar on a terminal; periodic plain lines elsewhere, where cursor movements would be garbage. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  return options.stream.isTTY ? barReporter(options.stream) : lineReporter(options);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} shards | {candidates} candidates | best Tc {bestTc} | {status}',
      hideCursor: true,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  let started = false;
  const payload = (p: RunProgress) => ({
    candidates: p.candidates.toLocaleString('en'),
    bestTc: bestTcText(p),
    status: p.status,
  });
  return {
    update(progress) {
      if (!started) {
        bar.start(progress.shards.total, shardsDone(progress), payload(progress));
        started = true;
        return;
      }
      bar.setTotal(progress.shards.total);
      bar.update(shardsDone(progress), payload(progress));
    },
    stop(progress) {
      if (started && progress) bar.update(shardsDone(progress), payload(progress));
      if (started) bar.stop();
    },
  };
}

function lineReporter({
  stream,
  logIntervalMs = 10_000,
  now = Date.now,
}: ProgressReporterOptions): ProgressReporter {
  let lastLine = '';
  let lastAtMs = Number.NEGATIVE_INFINITY;
  const write = (line: string) => {
    stream.write(`${line}\n`);
    lastLine = line;
    lastAtMs = now();
  };
  return {
    update(progress) {
      const line = progressLine(progress);
      if (line !== lastLine && now() - lastAtMs >= logIntervalMs) write(line);
    },
    stop(progress) {
      if (progress && progressLine(progress) !== lastLine) write(progressLine(progress));
    },
  };
}
