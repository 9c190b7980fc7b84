/* Messages of the contrast family. Keys are 'contrast.*'; German and English must have the same keys. */
export const en = {};

export const de: typeof en = {};
