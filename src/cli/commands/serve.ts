import { BACKEND_FLAG_USAGE, backendFlag } from '../backend-flag';
import { numberFlag, parseArgs } from '../args';
import { startBrowserMode } from '../browser-mode';
import type { CliCommand } from '../command';

export const command: CliCommand = {
  name: 'serve',
  summary: 'serve the studio to a browser on 127.0.0.1 (browser mode)',
  usage: `latentdraw serve [--port N] [${BACKEND_FLAG_USAGE}]`,
  async run(argv, io) {
    const args = parseArgs(argv);
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
};
