/**
 * `npm run weaviate:double -- --http-port 8080 --grpc-port 50051 [--host 127.0.0.1]`
 * Runs the double in the foreground, prints one line with both ports once it accepts connections,
 * and stops cleanly on SIGINT/SIGTERM.
 */
import { startWeaviateDouble } from './index';

function parsePort(flag: string, raw: string | undefined): number {
  const port = Number(raw);
  if (raw === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${flag} needs a port number between 0 and 65535 (0 picks a free port), got "${raw ?? ''}"`);
    process.exit(2);
  }
  return port;
}

function parseArgs(argv: string[]): { host: string; httpPort: number; grpcPort: number } {
  const out = { host: '127.0.0.1', httpPort: 8080, grpcPort: 50051 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[i + 1];
    const consumed = inline === undefined ? 1 : 0;
    switch (flag) {
      case '--http-port':
        out.httpPort = parsePort(flag, value);
        i += consumed;
        break;
      case '--grpc-port':
        out.grpcPort = parsePort(flag, value);
        i += consumed;
        break;
      case '--host':
        if (!value) {
          console.error('--host needs an address, e.g. 127.0.0.1');
          process.exit(2);
        }
        out.host = value;
        i += consumed;
        break;
      case '--help':
      case '-h':
        console.log('usage: weaviate:double [--host 127.0.0.1] [--http-port 8080] [--grpc-port 50051]');
        process.exit(0);
        break;
      default:
        console.error(`unknown option "${argv[i]}"; try --help`);
        process.exit(2);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const double = await startWeaviateDouble(args);
  console.log(`weaviate double listening: http ${double.httpUrl} (port ${double.httpPort}), grpc ${args.host}:${double.grpcPort} (port ${double.grpcPort})`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    void double.stop().then(() => {
      console.log(`weaviate double stopped (${signal})`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`weaviate double failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
