/* Messages of the justification family. Keys are 'justification.*'; German and English must have the same keys. */
export const en = {};

export const de: typeof en = {};
