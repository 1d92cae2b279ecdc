import type { App, RelaunchOptions } from 'electron';

/**
 * How the app starts itself again. By default Electron relaunches the executable with the
 * command line this launch was given (not the switches main appended since, so each launch
 * decides its own). An AppImage runs from a mount that disappears when it exits, so a packed
 * AppImage relaunches the .AppImage file the person started instead.
 */
export function relaunchOptions(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
  argv: readonly string[],
): RelaunchOptions | undefined {
  const appImage = env.APPIMAGE;
  return isPackaged && appImage ? { execPath: appImage, args: argv.slice(1) } : undefined;
}

/** Relaunches once this instance has quit; app.quit lets the engine and windows close as usual. */
export function restartApp(
  app: Pick<App, 'isPackaged' | 'relaunch' | 'quit'>,
  env: Record<string, string | undefined> = process.env,
  argv: readonly string[] = process.argv,
): void {
  const options = relaunchOptions(app.isPackaged, env, argv);
  if (options) app.relaunch(options);
  else app.relaunch();
  app.quit();
}
