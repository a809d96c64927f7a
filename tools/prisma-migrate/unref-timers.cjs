// The Prisma 6.19 schema-engine WASM arms 10 s timers (Rust timeouts) that are
// never cleared, so every CLI run idles ~10 s before exiting. Unref long
// timers: they still fire while the process is busy, but no longer keep it alive.
const orig = global.setTimeout;
global.setTimeout = function (fn, ms, ...rest) {
  const t = orig.call(this, fn, ms, ...rest);
  if (typeof ms === 'number' && ms >= 5000 && t && typeof t.unref === 'function') t.unref();
  return t;
};
