/* Messages of the actions family. Keys are 'actions.*'; German and English must have the same keys. */
export const en = {};

export const de: typeof en = {};
