/**
 * The trainer window's preload: it hands the MessagePort main sends over to the page, whose
 * trainer bundle speaks the trainer protocol on it. It exposes nothing else.
 */
import { ipcRenderer } from 'electron';
import { TRAINER_PORT_MESSAGE } from '../shared/trainer-port';

ipcRenderer.on('trainer:port', (event) => {
  window.postMessage(TRAINER_PORT_MESSAGE, '*', event.ports);
});
