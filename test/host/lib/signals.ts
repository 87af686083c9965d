/**
 * Runs `cleanup` once if the process is told to stop (Ctrl+C, CI cancelling), then exits, so that
 * an interrupted run still stops its servers and removes its work folder.
 */
export function onStopSignal(cleanup: () => Promise<void>): () => void {
  let running = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (running) return;
    running = true;
    void cleanup()
      .catch((err: unknown) => console.error(`cleanup failed: ${String(err)}`))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    process.off('SIGHUP', handler);
  };
}
