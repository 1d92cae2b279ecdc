/** Channels and events of the concepts feature. */
export const conceptsChannels = {} as const;

export const conceptsEvents = {} as const;
