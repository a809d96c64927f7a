export { type MiniDataDir, writeMiniDataDir } from './mini-data-dir.js';
export { testDataDir } from './test-data-dir.js';
