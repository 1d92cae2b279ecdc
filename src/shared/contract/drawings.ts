/** Channels and events of the drawings feature. */
export const drawingsChannels = {} as const;

export const drawingsEvents = {} as const;
