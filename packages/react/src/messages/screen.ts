/* Messages of the screen family. Keys are 'screen.*'; German and English must have the same keys. */
export const en = {};

export const de: typeof en = {};
