import { createContext, useContext } from 'react';
import type { ExplanationPanelName } from './explanation-data.ts';
import type { UseExplanationPanelResult } from './use-explanation-panel.ts';

/* The contexts the ExplanationPanel's parts share; a part used outside its parent says so by name. */

export interface ExplanationRootContextValue extends UseExplanationPanelResult {
  headingLevel: 2 | 3 | 4 | 5;
  showTables: boolean;
}

export const ExplanationRootContext = createContext<ExplanationRootContextValue | null>(null);
ExplanationRootContext.displayName = 'ExplanationPanelContext';

/** The Root's state, for a part; throws naming the part when used outside `ExplanationPanel.Root`. */
export function useExplanationRootPart(part: string): ExplanationRootContextValue {
  const context = useContext(ExplanationRootContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`ExplanationPanel.Root\`.`);
  return context;
}

export const ExplanationItemContext = createContext<ExplanationPanelName | null>(null);
ExplanationItemContext.displayName = 'ExplanationPanelItemContext';

/** The panel of the surrounding Item; throws naming the part when used outside `ExplanationPanel.Item`. */
export function useExplanationItemPart(part: string): ExplanationPanelName {
  const context = useContext(ExplanationItemContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`ExplanationPanel.Item\`.`);
  return context;
}
