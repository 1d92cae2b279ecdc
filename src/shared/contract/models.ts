/** Channels and events of the models feature. */
export const modelsChannels = {} as const;

export const modelsEvents = {} as const;
