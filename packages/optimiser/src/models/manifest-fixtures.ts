import * as tf from '@tensorflow/tfjs';
import { currentModelInput, type ModelManifest } from './manifest.js';

/** A valid Tc manifest for tests: this code's element list and atom map, made-up data and metrics. */
export function tcManifest(width: number, version = 'test-1'): ModelManifest {
  const hash = 'a'.repeat(64);
  const metrics = { count: 10, mae: 1, rmse: 2, r2: 0.9 };
  return {
    format: 'kiago-model-manifest/v1',
    kind: 'tc',
    version,
    architecture: 'resnet18-atom-map',
    width,
    parameters: 1000,
    input: currentModelInput('tc'),
    output: { name: 'tcKelvin', unit: 'K' },
    data: {
      source: 'fixture',
      dataFormat: 'fixture',
      dataHash: hash,
      splitHash: hash,
      splitKind: 'grouped',
      splitSeed: 42,
      rows: { train: 8, val: 1, test: 1 },
    },
    training: {
      loss: 'mae',
      optimizer: 'adam',
      epochs: 1,
      completedEpochs: 1,
      bestEpoch: 1,
      stopReason: 'epochs',
      batchSize: 8,
      learningRate: 0.001,
      finalLearningRate: 0.001,
      patience: 1,
      lrPatience: 1,
      lrFactor: 0.5,
      shuffleSeed: 1,
      targetScale: 0.01,
      seconds: 1,
      history: [],
    },
    metrics: {
      unit: 'K',
      val: { overall: metrics },
      test: { overall: metrics, byFamily: { cuprate: metrics } },
    },
    backend: { name: 'cpu', tfjsVersion: tf.version.tfjs, nativeTfVersion: null },
    created: '2026-01-01T00:00:00.000Z',
  };
}
