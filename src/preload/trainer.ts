/**
 * The trainer window's preload: it hands the MessagePort main sends over to the page, whose
 * trainer bundle speaks the trainer protocol on it. It exposes nothing else.
 */
import { ipcRenderer } from 'electron';

ipcRenderer.on('trainer:port', (event) => {
  window.postMessage('latentdraw:trainer-port', '*', event.ports);
});
