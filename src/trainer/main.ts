/**
 * The trainer bundle: a page with no Node and no studio UI that trains on Chromium's WebGPU
 * (WebGL as fallback). In the desktop app it runs in a hidden sandboxed window; its preload
 * hands it a MessagePort from main, whose other end the engine holds. The e2e tests load the
 * same page in Chromium and hand it a port of their own.
 */
import { serveTrainer } from '../engine/train/trainer/serve';
import type { FromTrainer, ToTrainer } from '../engine/train/trainer/protocol';
import { TRAINER_PORT_MESSAGE } from '../shared/trainer-port';
import { useWindowBackend, windowBackends } from './window-backend';

function serve(port: MessagePort): void {
  serveTrainer(
    {
      post: (message: FromTrainer) => port.postMessage(message),
      onMessage: (handler) => {
        port.onmessage = (event) => handler(event.data as ToTrainer);
      },
    },
    { useBackend: useWindowBackend, probe: windowBackends },
  );
}

window.addEventListener('message', (event) => {
  // Only this window's own preload (or test) posts here; another frame cannot reach it.
  if (event.source !== window || event.data !== TRAINER_PORT_MESSAGE) return;
  for (const port of event.ports) serve(port);
});
document.title = 'LatentDraw trainer (ready)';
