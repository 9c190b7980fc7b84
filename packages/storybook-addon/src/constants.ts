/** Ids and channel events shared by the preview and the manager side of the addon. */
export const ADDON_ID = 'deliberate/safeguards';
export const PANEL_ID = `${ADDON_ID}/panel`;
/** Preview → manager: the current reviews (`SafeguardsPayload`). */
export const EVENT_UPDATE = `${ADDON_ID}/update`;
/** Manager → preview: send the current reviews again (the panel mounted late). */
export const EVENT_REQUEST = `${ADDON_ID}/request`;
