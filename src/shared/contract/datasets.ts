/** Channels and events of the datasets feature. */
export const datasetsChannels = {} as const;

export const datasetsEvents = {} as const;
