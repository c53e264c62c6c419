import { startFixtureServer } from './fixture-server';

// Manual checks and the demo: `npx ts-node`-free run via the swc build or jest; prints the base URL.
async function main(): Promise<void> {
  const port = Number(process.env.FIXTURE_PORT ?? process.argv[2] ?? 4319);
  const server = await startFixtureServer({ port });
  process.stdout.write(`${server.baseUrl}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: Error) => {
  process.stderr.write(`fixture server failed to start: ${error.message}\n`);
  process.exit(1);
});
