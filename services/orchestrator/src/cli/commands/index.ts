import type { Command } from 'commander';
import { registerDataCommand } from './data.js';

/** Each command group lives in its own file and registers itself here. */
export function registerCommands(program: Command): void {
  registerDataCommand(program);
}
