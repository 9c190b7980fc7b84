/*
 * The preview side of the Safeguards addon: listens for the manifests Deliberate's providers
 * publish on `window` (`deliberate:safeguards`), adds what the DOM shows, and sends them to the
 * manager's panel over Storybook's channel. No React, no decorator: the listener sits on `window`
 * for the life of the preview frame.
 */
import type { SafeguardEventDetail, SafeguardManifest } from '@deliberate/react';
import { addons } from 'storybook/preview-api';
import { EVENT_REQUEST, EVENT_UPDATE } from './constants.ts';
import type { ReviewInput } from './catalogue.ts';
import { probeDom } from './dom-probe.ts';

/** What the panel receives: every mounted decision's manifest with the DOM probe. */
export interface SafeguardsPayload {
  reviews: ReviewInput[];
}

const SAFEGUARD_EVENT = 'deliberate:safeguards';
const SAFEGUARD_GLOBAL = '__deliberateSafeguards';

function current(): SafeguardsPayload {
  const all = (window as unknown as Record<string, Record<string, SafeguardManifest> | undefined>)[
    SAFEGUARD_GLOBAL
  ];
  const dom = probeDom(document);
  return { reviews: Object.values(all ?? {}).map((manifest) => ({ ...manifest, dom })) };
}

if (typeof window !== 'undefined') {
  // For `pnpm audit:safeguards`: the same reviews the panel gets, read from the page.
  (window as unknown as Record<string, unknown>)['__deliberateSafeguardsReview'] = () => current().reviews;
  const channel = addons.getChannel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(timer);
    // Let the DOM settle (panels render in the same commit as the registration, or just after).
    timer = setTimeout(() => channel.emit(EVENT_UPDATE, current()), 50);
  };
  window.addEventListener(SAFEGUARD_EVENT, (event) => {
    const detail = (event as CustomEvent<SafeguardEventDetail>).detail;
    if (detail && typeof detail.decisionId === 'string') send();
  });
  channel.on(EVENT_REQUEST, send);
  // A story without any decision: say so once it has rendered.
  channel.on('storyRendered', send);
}

export {};
