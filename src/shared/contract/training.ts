/** Channels and events of the training feature. */
export const trainingChannels = {} as const;

export const trainingEvents = {} as const;
