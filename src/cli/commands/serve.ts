import { BACKEND_FLAG, backendFlag } from '../backend-flag';
import { numberFlag, parseArgs } from '../args';
import { startBrowserMode } from '../browser-mode';
import { type CliCommand, defineCommand } from '../command';

export const command: CliCommand = defineCommand({
  name: 'serve',
  summary: 'serve the studio to a browser on 127.0.0.1 (browser mode)',
  flags: [{ name: 'port', value: 'N', about: 'the port on 127.0.0.1', default: 'a free one' }, BACKEND_FLAG],
  async run(argv, io) {
    const args = parseArgs(argv, command);
    const port = numberFlag(args, 'port', { min: 0, integer: true });
    const backend = backendFlag(args);
    const mode = await startBrowserMode({ port, backend });
    mode.supervisor.onStatus((status) => {
      if (status.state !== 'ready' && status.message) io.err(`engine: ${status.message}`);
    });
    const ready = await mode.supervisor.whenReady();
    io.out(`LatentDraw is running in browser mode (engine backend: ${ready.backend?.backend ?? ready.state}).`);
    io.out(`Open this address in your browser: ${mode.server.url}`);
    io.out('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await mode.close();
    return 0;
  },
});
