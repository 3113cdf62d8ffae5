/**
 * weaviate-client reports each gRPC retry with console.warn(error, "Attempt N failed. Retrying in
 * X ms.") — a full stack trace per attempt, several per outage. Processes that own a console (the
 * CLI, the Electron main process) route those to one short line instead; every other warning
 * passes through untouched.
 */
const RETRY = /^(Attempt|Healthcheck) (\d+) failed\. Retrying in (\d+)ms\.$/;

export function routeClientRetryWarnings(report: (line: string) => void): () => void {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = typeof args[1] === 'string' ? args[1] : '';
    const m = RETRY.exec(text);
    if (!m) return original.apply(console, args);
    const cause = args[0] instanceof Error ? args[0].message.split('\n')[0]!.slice(0, 200) : 'no answer';
    report(`Weaviate call failed (${cause}); retry ${Number(m[2]) + 1} in ${(Number(m[3]) / 1000).toFixed(1)} s`);
  };
  return () => {
    console.warn = original;
  };
}
