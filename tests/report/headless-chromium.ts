import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CHROMIUM = '/usr/bin/chromium';

/** The browser installed by scripts/setup-chromium.sh, or undefined. */
export function chromiumPath(): string | undefined {
  return existsSync(CHROMIUM) ? CHROMIUM : undefined;
}

// --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--no-first-run',
  '--mute-audio',
];

/** The document as Chromium parsed and laid it out, serialised back to markup. */
export async function dumpDom(chromium: string, url: string): Promise<string> {
  const { stdout } = await run(chromium, [...FLAGS, '--dump-dom', url], {
    timeout: 60_000,
    maxBuffer: 32 << 20,
  });
  return stdout;
}

export async function screenshot(
  chromium: string,
  url: string,
  pngPath: string,
  size: { width: number; height: number },
): Promise<void> {
  await run(
    chromium,
    [...FLAGS, `--window-size=${size.width},${size.height}`, `--screenshot=${pngPath}`, url],
    {
      timeout: 60_000,
    },
  );
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
