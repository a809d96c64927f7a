import { existsSync, readdirSync } from 'node:fs';

/**
 * Whether this process can see an NVIDIA GPU: the driver's device node, or a GPU listed by the kernel
 * module. Checked before tfjs-node-gpu is imported, because its libtensorflow shares its SONAME with
 * tfjs-node's: a process that loaded one cannot fall back to the other.
 */
export function nvidiaGpuVisible(): boolean {
  if (existsSync('/dev/nvidiactl')) return true;
  try {
    return readdirSync('/proc/driver/nvidia/gpus').length > 0;
  } catch {
    return false;
  }
}

export const NO_GPU_REASON = 'no NVIDIA GPU visible (no /dev/nvidiactl, none in /proc/driver/nvidia/gpus)';
