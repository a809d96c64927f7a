import { describe, expect, it } from 'vitest';
import { reportCommand } from './report-command.ts';
import { SCALES } from './scales.ts';

describe('the command a report says regenerates it', () => {
  it('is the bare preset for a preset run in its default folder', () => {
    expect(reportCommand(SCALES.cpu, 'bench-results/reproduction/cpu')).toBe(
      'node bench/optimiser/reproduce-paper.ts --scale cpu --report-only',
    );
  });

  it('names every override and a folder of its own, so it reads the same units', () => {
    const scale = { ...SCALES.cpu, candidates: SCALES.cpu.candidates * 2 };
    expect(reportCommand(scale, 'bench-results/reproduction/cpu-wide')).toBe(
      `node bench/optimiser/reproduce-paper.ts --scale cpu --candidates ${scale.candidates} ` +
        '--out-dir bench-results/reproduction/cpu-wide --report-only',
    );
  });
});
