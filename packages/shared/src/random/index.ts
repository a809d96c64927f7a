export { mulberry32, shuffleInPlace } from './seeded-random.js';
