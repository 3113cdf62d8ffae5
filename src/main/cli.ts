/**
 * The headless command line: the same operations as the console, over core/api, no Electron.
 * Run with `npm run cli -- <command>`; reads the same environment variables as the console.
 */
import { createConsoleApi } from './core/api';
import { runCommand, printError } from './cli/run-command';
import { parseCli, UsageError, USAGE } from './cli/usage';
import { toErrorInfo } from '../shared/errors';
import { routeClientRetryWarnings } from './core/target/client-warnings';

async function main(argv: string[]): Promise<number> {
  const io = { stdout: process.stdout, stderr: process.stderr };
  let parsed;
  try {
    parsed = parseCli(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`error: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (parsed.command.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  routeClientRetryWarnings((line) => io.stderr.write(`warning: ${line}\n`));
  let api;
  try {
    // The CLI reads the environment only: console-saved secrets are encrypted for the desktop session.
    api = await createConsoleApi({ env: process.env, useSavedSettings: false });
  } catch (err) {
    printError(err, parsed.json, io);
    return toErrorInfo(err).code === 'CONFIG' ? 2 : 1;
  }
  try {
    return await runCommand(api, parsed.command, parsed, io);
  } catch (err) {
    printError(err, parsed.json, io);
    return 1;
  } finally {
    await api.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
