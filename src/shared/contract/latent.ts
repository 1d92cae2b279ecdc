/** Channels and events of the latent feature. */
export const latentChannels = {} as const;

export const latentEvents = {} as const;
