import type { AttributionFactor } from '../attribution/attribution-layout.ts';

/** A housing-benefit case: eight factors around a base of 0.30, prediction 0.72. */
export const housingFactors: AttributionFactor[] = [
  { id: 'rent-burden', label: 'Mietbelastung', value: '48 %', contribution: 0.21 },
  { id: 'income', label: 'Monatliches Einkommen', value: 1850, contribution: 0.12 },
  { id: 'household', label: 'Haushaltsgröße', value: 4, contribution: 0.09 },
  { id: 'savings', label: 'Rücklagen', value: 9500, contribution: -0.08 },
  { id: 'previous', label: 'Frühere Bewilligung', value: 'ja', contribution: 0.06 },
  { id: 'employment', label: 'Beschäftigungsdauer', value: '7 Monate', contribution: 0.04 },
  { id: 'region', label: 'Mietstufe der Gemeinde', value: 'IV', contribution: -0.03 },
  { id: 'age', label: 'Alter der antragstellenden Person', value: 34, contribution: 0.01 },
];

/** n factors with deterministic pseudo-random signed contributions (no Math.random: stable tests). */
export function manyFactors(n: number): AttributionFactor[] {
  const factors: AttributionFactor[] = [];
  let seed = 42;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const magnitude = (seed / 2147483648) * 0.2 * Math.exp(-i / 40);
    factors.push({
      id: `f${i}`,
      label: `Merkmal ${i + 1}`,
      value: i % 3 === 0 ? i * 10 : `Stufe ${i % 5}`,
      contribution: i % 2 === 0 ? magnitude : -magnitude,
    });
  }
  return factors;
}
