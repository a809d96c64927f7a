/** Mean loss with NaN rows counted as 0 (what Adam saw), mean and best Tc over finite values. */
export function stepStatistics(loss: Float32Array, tcKelvin: Float32Array) {
  let lossSum = 0;
  let nanLosses = 0;
  for (const value of loss) {
    if (Number.isNaN(value)) nanLosses++;
    else lossSum += value;
  }
  let tcSum = 0;
  let tcCount = 0;
  let bestTcKelvin = Number.NEGATIVE_INFINITY;
  for (const value of tcKelvin) {
    if (!Number.isFinite(value)) continue;
    tcSum += value;
    tcCount++;
    if (value > bestTcKelvin) bestTcKelvin = value;
  }
  return {
    meanLoss: lossSum / loss.length,
    meanTcKelvin: tcCount > 0 ? tcSum / tcCount : Number.NaN,
    bestTcKelvin: tcCount > 0 ? bestTcKelvin : Number.NaN,
    nanLosses,
  };
}
