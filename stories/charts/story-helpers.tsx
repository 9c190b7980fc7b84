import type { ReactNode } from 'react';
import type { ChartLocale } from '@deliberate/charts';

/** The locale from the Storybook toolbar (`globals.locale`), for stories that do not fix one. */
export function toolbarLocale(globals: Record<string, unknown>): ChartLocale {
  return globals['locale'] === 'en' ? 'en' : 'de';
}

/** A narrow column, as on a phone or in a side panel: the charts must stay readable at 320 px. */
export function Narrow({ children }: { children: ReactNode }) {
  return <div style={{ maxWidth: 320 }}>{children}</div>;
}
