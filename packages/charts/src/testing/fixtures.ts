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

import type { ReliabilityBin } from '../reliability/reliability-layout.ts';
import type { RatePoint } from '../rate-over-time/rate-over-time-layout.ts';

/**
 * Ten equal-width confidence bins: the two lowest are empty (the model never says < 20 %), the
 * 0.4–0.5 bin is empty too, and the model is over-confident at the top.
 */
export const calibrationBins: ReliabilityBin[] = [
  { lo: 0, hi: 0.1, n: 0, confidence: null, accuracy: null },
  { lo: 0.1, hi: 0.2, n: 0, confidence: null, accuracy: null },
  { lo: 0.2, hi: 0.3, n: 12, confidence: 0.26, accuracy: 0.25 },
  { lo: 0.3, hi: 0.4, n: 31, confidence: 0.35, accuracy: 0.39 },
  { lo: 0.4, hi: 0.5, n: 0, confidence: null, accuracy: null },
  { lo: 0.5, hi: 0.6, n: 58, confidence: 0.56, accuracy: 0.52 },
  { lo: 0.6, hi: 0.7, n: 112, confidence: 0.65, accuracy: 0.58 },
  { lo: 0.7, hi: 0.8, n: 164, confidence: 0.75, accuracy: 0.69 },
  { lo: 0.8, hi: 0.9, n: 230, confidence: 0.85, accuracy: 0.76 },
  { lo: 0.9, hi: 1, n: 310, confidence: 0.95, accuracy: 0.87 },
];

/** Weekly override rates over twelve weeks; weeks 5 and 6 had no cases (holidays). */
export const weeklyOverrides: RatePoint[] = [
  { t: '2025-01-06', rate: 0.22, lo: 0.16, hi: 0.3, n: 120 },
  { t: '2025-01-13', rate: 0.19, lo: 0.13, hi: 0.27, n: 104 },
  { t: '2025-01-20', rate: 0.24, lo: 0.17, hi: 0.32, n: 118 },
  { t: '2025-01-27', rate: 0.17, lo: 0.11, hi: 0.25, n: 97 },
  { t: '2025-02-03', rate: null, lo: null, hi: null, n: 0 },
  { t: '2025-02-10', rate: null, lo: null, hi: null, n: 0 },
  { t: '2025-02-17', rate: 0.12, lo: 0.07, hi: 0.2, n: 88 },
  { t: '2025-02-24', rate: 0.1, lo: 0.06, hi: 0.17, n: 112 },
  { t: '2025-03-03', rate: 0.09, lo: 0.05, hi: 0.16, n: 109 },
  { t: '2025-03-10', rate: 0.08, lo: 0.04, hi: 0.14, n: 125 },
  { t: '2025-03-17', rate: 0.07, lo: 0.04, hi: 0.13, n: 131 },
  { t: '2025-03-24', rate: 0.07, lo: 0.04, hi: 0.12, n: 140 },
];

/** AI confidence of 200 decisions, skewed high (deterministic). */
export const confidences: number[] = Array.from({ length: 200 }, (_, i) => {
  const u = ((i * 7919) % 200) / 200;
  return Math.min(0.999, 0.35 + 0.65 * Math.sqrt(u));
});
