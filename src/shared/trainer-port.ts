/**
 * What the trainer window's preload (or a test) posts to the trainer page, with the MessagePort
 * attached whose other end the engine holds; the page serves the trainer protocol on it.
 */
export const TRAINER_PORT_MESSAGE = 'latentdraw:trainer-port';
