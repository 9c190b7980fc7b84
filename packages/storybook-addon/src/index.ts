export * from './catalogue.ts';
export { ADDON_ID, EVENT_REQUEST, EVENT_UPDATE, PANEL_ID } from './constants.ts';
export { EXPLANATION_PANEL_SELECTOR, probeDom } from './dom-probe.ts';
