export { SubstitutionBaselineError } from './baseline-errors.js';
export { conventionalSubstitutionShard, type SubstitutionShardInput } from './ces-shard.js';
export { type SubstitutionPicker, substitutionPicker } from './ces-targets.js';
export { roundShardByRule, ruleBasedRoundingShard } from './rule-based-rounding.js';
export { runShardMethod, type ShardMethodChoice, type ShardMethodInput } from './shard-methods.js';
export { drawSubstitution, type SubstitutionDraw } from './substitution-draw.js';
