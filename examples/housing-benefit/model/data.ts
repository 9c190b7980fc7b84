/*
 * A synthetic, plausible housing-benefit (Wohngeld-like) data set. Everything here is made up:
 * the thresholds are rounded, simplified stand-ins inspired by the German Wohngeldgesetz (WoGG)
 * and are NOT the legal values. Not legal advice; never use this to decide a real application.
 * See model/README.md for the assumptions.
 *
 * Deterministic: the same seed always gives the same applications, documents and labels.
 */

/* -------------------------------------------------------------------------------------------------
 * Seeded randomness
 * -----------------------------------------------------------------------------------------------*/

/** A small, fast, seedable PRNG (mulberry32) seeded from a string (FNV-1a). */
export function createRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  // Box–Muller; 1 - u keeps log away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pickWeighted<T>(random: () => number, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

const round = (value: number, step = 10) => Math.round(value / step) * step;

/* -------------------------------------------------------------------------------------------------
 * Synthetic rules (simplified, not the legal values)
 * -----------------------------------------------------------------------------------------------*/

/** The decision options, in the model's class order. */
export const LABELS = ['approve', 'reject', 'request-documents'] as const;
export type Label = (typeof LABELS)[number];

/** Documents a complete case file holds besides the application form. */
export const REQUIRED_DOCUMENTS = ['income', 'rent', 'bank'] as const;
export type RequiredDocument = (typeof REQUIRED_DOCUMENTS)[number];

/** Monthly rent ceiling for one person by rent level (Mietstufe I–VII), in €. */
const CEILING_ONE_PERSON = [350, 395, 440, 490, 540, 590, 650] as const;
/** Ceiling factor by household size 1–6. */
const CEILING_FACTOR = [1, 1.21, 1.44, 1.68, 1.92, 2.18] as const;
/** Monthly household net income limit by household size 1–6, in € (rent level I). */
const INCOME_LIMIT = [1520, 2070, 2530, 3450, 3950, 4460] as const;

/** The rent that counts at most (synthetic §12 WoGG stand-in). */
export function rentCeiling(householdSize: number, mietstufe: number): number {
  return round(CEILING_ONE_PERSON[mietstufe - 1]! * CEILING_FACTOR[householdSize - 1]!);
}

/** Income above which no benefit is paid (synthetic), rising 3 % per rent level. */
export function incomeLimit(householdSize: number, mietstufe: number): number {
  return round(INCOME_LIMIT[householdSize - 1]! * (1 + 0.03 * (mietstufe - 1)));
}

/** Assets that do not count ("erhebliches Vermögen" stand-in): 60 000 € + 30 000 € per further member. */
export function assetAllowance(householdSize: number): number {
  return 60_000 + 30_000 * (householdSize - 1);
}

/** A rough monthly benefit estimate (synthetic formula), in €; 0 when not eligible. */
export function estimatedBenefit(
  app: Pick<Application, 'householdSize' | 'mietstufe' | 'income' | 'rent'>,
): number {
  const counted = Math.min(app.rent, rentCeiling(app.householdSize, app.mietstufe));
  const ratio = app.income / incomeLimit(app.householdSize, app.mietstufe);
  return Math.max(0, round(counted * (1.05 - 0.85 * ratio) + 30 * (app.householdSize - 1), 1));
}

/* -------------------------------------------------------------------------------------------------
 * Applications
 * -----------------------------------------------------------------------------------------------*/

export interface Application {
  /** File reference, e.g. `WG-2025-0001`. */
  id: string;
  /** A made-up name. */
  applicant: string;
  municipality: string;
  mietstufe: number;
  householdSize: number;
  /** Monthly household net income stated on the income statement, €. */
  income: number;
  /** Monthly salary credit seen on the bank statement, €. */
  bankCredit: number;
  /** Monthly gross cold rent, €. */
  rent: number;
  /** Savings and other assets, €. */
  assets: number;
  /** Documents not in the case file. */
  missing: RequiredDocument[];
  /** The bank statement does not confirm the stated income (more than 5 % apart). */
  incomeMismatch: boolean;
  /** The synthetic caseworker decision (the training label). */
  label: Label;
}

const FIRST = [
  'Anna',
  'Mehmet',
  'Julia',
  'Olena',
  'Thomas',
  'Fatma',
  'Lukas',
  'Sofia',
  'Karl',
  'Aylin',
  'Marek',
  'Lea',
];
const LAST = [
  'Schmidt',
  'Yılmaz',
  'Becker',
  'Kowalski',
  'Hoffmann',
  'Nguyen',
  'Wagner',
  'Popescu',
  'Krüger',
  'Haddad',
];
const TOWNS: readonly (readonly [string, number])[] = [
  ['Görlitz', 1],
  ['Chemnitz', 2],
  ['Kassel', 3],
  ['Leipzig', 3],
  ['Bremen', 4],
  ['Köln', 5],
  ['Hamburg', 6],
  ['München', 7],
];

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Generates `n` applications with labels. The labelling rule (with noise):
 * 1. a required document missing → request documents (92 %);
 * 2. income not confirmed by the bank statement → request documents (75 %);
 * 3. otherwise reject when income exceeds the limit or assets exceed the allowance, softly
 *    around the thresholds (a logistic with a scale of 6 % of the limit);
 * 4. finally 4 % of labels are replaced by another label (inconsistent caseworkers).
 */
export function generateApplications(n: number, seed: string, prefix = 'S'): Application[] {
  const random = createRandom(seed);
  const apps: Application[] = [];
  for (let i = 0; i < n; i++) {
    const [municipality, mietstufe] = pickWeighted(random, TOWNS, [1, 2, 2, 3, 2, 3, 2, 1]);
    const householdSize = pickWeighted(random, [1, 2, 3, 4, 5, 6], [0.38, 0.25, 0.14, 0.12, 0.07, 0.04]);
    const limit = incomeLimit(householdSize, mietstufe);
    const income = round(limit * Math.exp(Math.log(0.8) + 0.3 * normal(random)));
    const rent = round(rentCeiling(householdSize, mietstufe) * Math.exp(0.2 * normal(random)), 1);
    const allowance = assetAllowance(householdSize);
    const assets =
      random() < 0.08
        ? round(allowance * (0.8 + 1.2 * random()), 100)
        : round(-Math.log(1 - random()) * 0.2 * allowance, 100);
    const missing = REQUIRED_DOCUMENTS.filter(() => random() < 0.08);
    const incomeMismatch = random() >= 0.88;
    const bankCredit = incomeMismatch
      ? round(income * (random() < 0.5 ? 0.7 + 0.2 * random() : 1.1 + 0.25 * random()))
      : income;

    let label: Label;
    if (missing.length > 0 && random() < 0.92) label = 'request-documents';
    else if (incomeMismatch && random() < 0.75) label = 'request-documents';
    else {
      const excess = Math.max((income / limit - 1) / 0.06, (assets / allowance - 1) / 0.08);
      label = random() < sigmoid(excess) ? 'reject' : 'approve';
    }
    if (random() < 0.04) {
      const others = LABELS.filter((l) => l !== label);
      label = others[Math.floor(random() * others.length)]!;
    }
    apps.push({
      id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      applicant: `${FIRST[Math.floor(random() * FIRST.length)]!} ${LAST[Math.floor(random() * LAST.length)]!}`,
      municipality,
      mietstufe,
      householdSize,
      income,
      bankCredit,
      rent,
      assets,
      missing,
      incomeMismatch,
      label,
    });
  }
  return apps;
}

/* -------------------------------------------------------------------------------------------------
 * Features
 * -----------------------------------------------------------------------------------------------*/

/** The model's inputs, in order. Ratios make the rules comparable across household sizes. */
export const FEATURES = [
  'incomeRatio',
  'assetsRatio',
  'rentRatio',
  'householdSize',
  'missingDocuments',
  'incomeMismatch',
] as const;
export type FeatureId = (typeof FEATURES)[number];

/** Raw (unstandardised) feature values of an application. */
export function featuresOf(
  app: Pick<
    Application,
    'householdSize' | 'mietstufe' | 'income' | 'rent' | 'assets' | 'missing' | 'incomeMismatch'
  >,
): Record<FeatureId, number> {
  return {
    incomeRatio: app.income / incomeLimit(app.householdSize, app.mietstufe),
    assetsRatio: app.assets / assetAllowance(app.householdSize),
    rentRatio: app.rent / rentCeiling(app.householdSize, app.mietstufe),
    householdSize: app.householdSize,
    missingDocuments: app.missing.length,
    incomeMismatch: app.incomeMismatch ? 1 : 0,
  };
}

export const featureVector = (app: Parameters<typeof featuresOf>[0]): number[] => {
  const f = featuresOf(app);
  return FEATURES.map((id) => f[id]);
};
