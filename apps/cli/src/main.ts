#!/usr/bin/env node
import { KiagoError } from '@kiago/shared';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';

/** `kiago`: the one command-line entry point for the whole system. */
async function main(argv: string[]): Promise<void> {
  const program = new Command('kiago')
    .description('KIAGO campaign orchestrator: ML-guided design of superconductor compositions')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  if (error instanceof KiagoError) {
    process.stderr.write(`kiago: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`kiago: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
