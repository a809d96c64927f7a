#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { describeCliError, redactCredentials } from './describe-cli-error.js';
import { cliEnvironment } from './env.js';

/** `--debug` anywhere on the line (or KIAGO_DEBUG=1) adds the stack trace to an error's message. */
const DEBUG_FLAG = '--debug';

/** `kiago`: the one command-line entry point for the whole system. */
async function main(argv: string[]): Promise<void> {
  const program = new Command('kiago')
    .description('KIAGO campaign orchestrator: ML-guided design of superconductor compositions')
    .addHelpText(
      'after',
      `\nErrors print one line; ${DEBUG_FLAG} (anywhere) or KIAGO_DEBUG=1 adds the stack trace.`,
    )
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  await program.parseAsync(argv.filter((arg) => arg !== DEBUG_FLAG));
}

const debug = process.argv.includes(DEBUG_FLAG) || cliEnvironment().KIAGO_DEBUG === '1';

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  const failure = describeCliError(error, cliEnvironment());
  process.stderr.write(`kiago: ${failure.message}\n`);
  if (debug && error instanceof Error && error.stack)
    process.stderr.write(`${redactCredentials(error.stack)}\n`);
  process.exitCode = failure.exitCode;
});
