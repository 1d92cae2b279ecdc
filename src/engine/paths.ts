import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder where LatentDraw keeps what a person makes: datasets, models, checkpoints and
 * drawings. Electron passes its userData folder; the CLI and browser mode use
 * LATENTDRAW_HOME or a per-user default.
 */
export function defaultDataHome(): string {
  if (process.env.LATENTDRAW_HOME) return process.env.LATENTDRAW_HOME;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'LatentDraw');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'LatentDraw');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'latentdraw');
}

export interface DataFolders {
  home: string;
  datasets: string;
  models: string;
  drawings: string;
  checkpoints: string;
}

export function dataFolders(home: string = defaultDataHome()): DataFolders {
  return {
    home,
    datasets: join(home, 'datasets'),
    models: join(home, 'models'),
    drawings: join(home, 'drawings'),
    checkpoints: join(home, 'checkpoints'),
  };
}
