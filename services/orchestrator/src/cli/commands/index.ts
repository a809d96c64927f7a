import type { Command } from 'commander';
import { registerDataCommand } from './data.js';
import { registerHullCommand } from './hull.js';
import { registerModelsCommand } from './models.js';
import { registerRefsCommand } from './refs.js';
import { registerScreenCommand } from './screen.js';

/** Each command group lives in its own file and registers itself here. */
export function registerCommands(program: Command): void {
  registerDataCommand(program);
  registerModelsCommand(program);
  registerScreenCommand(program);
  registerHullCommand(program);
  registerRefsCommand(program);
}
