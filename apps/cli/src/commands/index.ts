import type { Command } from 'commander';
import { registerCampaignCommand } from './campaign.js';
import { registerCandidatesCommand } from './candidates.js';
import { registerDataCommand } from './data.js';
import { registerDevCommand } from './dev.js';
import { registerHullCommand } from './hull.js';
import { registerMaterialsCommand } from './materials.js';
import { registerModelsCommand } from './models.js';
import { registerOptimiseCommand } from './optimise.js';
import { registerPredictCommand } from './predict.js';
import { registerRefsCommand } from './refs.js';
import { registerReportCommand } from './report.js';
import { registerRunCommand } from './run.js';
import { registerScheduleCommand } from './schedule.js';
import { registerScreenCommand } from './screen.js';

/** Each command group lives in its own file and registers itself here. */
export function registerCommands(program: Command): void {
  registerDataCommand(program);
  registerDevCommand(program);
  registerModelsCommand(program);
  registerOptimiseCommand(program);
  registerScreenCommand(program);
  registerPredictCommand(program);
  registerHullCommand(program);
  registerRefsCommand(program);
  registerCampaignCommand(program);
  registerRunCommand(program);
  registerCandidatesCommand(program);
  registerMaterialsCommand(program);
  registerScheduleCommand(program);
  registerReportCommand(program);
}
