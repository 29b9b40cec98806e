/**
 * SIGTERM/SIGINT: a graceful stop (stop accepting, let requests in flight
 * finish for at most MCP_SHUTDOWN_GRACE_MS, default 10 s, close sessions and
 * streams), then exit 0. A second signal exits at once.
 */
export function onShutdownSignals(stop: (graceMs: number) => Promise<void>): void {
  const grace = Number(process.env.MCP_SHUTDOWN_GRACE_MS);
  const graceMs = Number.isFinite(grace) && grace >= 0 ? grace : 10_000;
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`[mcp] ${signal} again: exiting now`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    stopping = true;
    console.error(
      `[mcp] ${signal}: finishing requests in flight (at most ${graceMs} ms), then exiting`,
    );
    stop(graceMs).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('[mcp] shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
