export { type MiniDataDir, writeMiniDataDir } from './mini-data-dir.js';
