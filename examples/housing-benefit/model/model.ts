import type { ReliabilityBin } from '@deliberate/core';
import {
  FEATURES,
  LABELS,
  featureVector,
  generateApplications,
  type Application,
  type FeatureId,
  type Label,
} from './data.ts';

/*
 * A multinomial logistic (softmax) regression over standardised features, trained by full-batch
 * gradient descent with a small L2 penalty, and calibrated by temperature scaling on a held-out
 * split (Guo et al. 2017). Hand-written (≈ 100 lines) because it must run unchanged in Node (the
 * training script, tests) and in the browser (the app computes every recommendation), it must be
 * bit-for-bit deterministic, and its internals (coefficients, intercepts) are exactly what the
 * factor contributions are made of; a general ML library would add a dependency the size of
 * this example for one model.
 */

export interface ModelJson {
  id: string;
  version: string;
  /** What produced this file: seed, split sizes, hyper-parameters. */
  training: {
    seed: string;
    train: number;
    calibration: number;
    test: number;
    iterations: number;
    l2: number;
    learningRate: number;
  };
  classes: readonly Label[];
  features: { id: FeatureId; mean: number; sd: number }[];
  /** `weights[k][j]`: coefficient of standardised feature j for class k (log-score units). */
  weights: number[][];
  /** `bias[k]`: the intercept of class k: its score for an applicant at the training mean. */
  bias: number[];
  /** Temperature T: calibrated probabilities are softmax(score / T). */
  temperature: number;
  metrics: {
    accuracy: number;
    eceBefore: number;
    eceAfter: number;
    nllBefore: number;
    nllAfter: number;
    bins: number;
    /** Accuracy on the test split by household size group. */
    subgroups: { name: string; n: number; accuracy: number }[];
  };
  /** Reliability bins on the test split, after calibration (non-empty bins only). */
  reliability: ReliabilityBin[];
  evaluatedAt: string;
  /** Training cases kept for nearest-neighbour lookups (similar cases). */
  prototypes: { id: string; x: number[]; label: Label }[];
}

export const ECE_BINS = 10;

/* -------------------------------------------------------------------------------------------------
 * Inference
 * -----------------------------------------------------------------------------------------------*/

export function standardize(model: Pick<ModelJson, 'features'>, x: readonly number[]): number[] {
  return model.features.map((f, j) => (x[j]! - f.mean) / f.sd);
}

/** Uncalibrated class scores (logits) for standardised features `z`. */
export function scores(model: Pick<ModelJson, 'weights' | 'bias'>, z: readonly number[]): number[] {
  return model.bias.map((b, k) => b + model.weights[k]!.reduce((sum, w, j) => sum + w * z[j]!, 0));
}

export function softmax(logits: readonly number[], temperature = 1): number[] {
  const scaled = logits.map((l) => l / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Calibrated class probabilities for raw features `x`. */
export function predictProba(model: ModelJson, x: readonly number[]): number[] {
  return softmax(scores(model, standardize(model, x)), model.temperature);
}

export const argmax = (values: readonly number[]) =>
  values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);

/* -------------------------------------------------------------------------------------------------
 * Metrics
 * -----------------------------------------------------------------------------------------------*/

/** Top-label expected calibration error with equal-width bins, and the bins. */
export function calibrationOf(probas: number[][], labels: number[], bins = ECE_BINS) {
  const acc = Array.from({ length: bins }, () => ({ n: 0, conf: 0, correct: 0 }));
  probas.forEach((p, i) => {
    const k = argmax(p);
    const c = p[k]!;
    const b = acc[Math.min(bins - 1, Math.floor(c * bins))]!;
    b.n++;
    b.conf += c;
    b.correct += k === labels[i] ? 1 : 0;
  });
  const n = probas.length;
  let ece = 0;
  const out: ReliabilityBin[] = [];
  acc.forEach((b, m) => {
    if (b.n === 0) return;
    ece += (b.n / n) * Math.abs(b.correct / b.n - b.conf / b.n);
    out.push({
      lo: m / bins,
      hi: (m + 1) / bins,
      n: b.n,
      confidence: round6(b.conf / b.n),
      accuracy: round6(b.correct / b.n),
    });
  });
  return { ece, bins: out };
}

function nll(probas: number[][], labels: number[]): number {
  return -probas.reduce((s, p, i) => s + Math.log(Math.max(p[labels[i]!]!, 1e-12)), 0) / probas.length;
}

const accuracyOf = (probas: number[][], labels: number[]) =>
  probas.filter((p, i) => argmax(p) === labels[i]).length / Math.max(1, probas.length);

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/* -------------------------------------------------------------------------------------------------
 * Training
 * -----------------------------------------------------------------------------------------------*/

export interface TrainOptions {
  seed?: string;
  train?: number;
  calibration?: number;
  test?: number;
  iterations?: number;
  l2?: number;
  learningRate?: number;
  /** Date written as `evaluatedAt` (fixed, so that re-training reproduces the file). */
  evaluatedAt?: string;
  prototypes?: number;
}

/** Generates the data set, trains, calibrates and evaluates. Deterministic for given options. */
export function train(options: TrainOptions = {}): ModelJson {
  const o = {
    seed: 'wohngeld-synthetic-v1',
    train: 3000,
    calibration: 1000,
    test: 1000,
    iterations: 1500,
    l2: 1e-3,
    learningRate: 0.5,
    evaluatedAt: '2025-06-01',
    prototypes: 400,
    ...options,
  };
  const apps = generateApplications(o.train + o.calibration + o.test, o.seed);
  const split = (from: number, to: number) => apps.slice(from, to);
  const trainSet = split(0, o.train);
  const calSet = split(o.train, o.train + o.calibration);
  const testSet = split(o.train + o.calibration, apps.length);
  const X = (set: Application[]) => set.map(featureVector);
  const Y = (set: Application[]) => set.map((a) => LABELS.indexOf(a.label));

  const xTrain = X(trainSet);
  const yTrain = Y(trainSet);
  const features = FEATURES.map((id, j) => {
    const col = xTrain.map((x) => x[j]!);
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length) || 1;
    return { id, mean: round6(mean), sd: round6(sd) };
  });
  const std = { features };
  const zTrain = xTrain.map((x) => standardize(std, x));

  const K = LABELS.length;
  const J = FEATURES.length;
  const weights = Array.from({ length: K }, () => new Array<number>(J).fill(0));
  const bias = new Array<number>(K).fill(0);
  const n = zTrain.length;
  for (let it = 0; it < o.iterations; it++) {
    const gw = Array.from({ length: K }, () => new Array<number>(J).fill(0));
    const gb = new Array<number>(K).fill(0);
    for (let i = 0; i < n; i++) {
      const z = zTrain[i]!;
      const p = softmax(scores({ weights, bias }, z));
      for (let k = 0; k < K; k++) {
        const err = p[k]! - (yTrain[i] === k ? 1 : 0);
        gb[k]! += err / n;
        for (let j = 0; j < J; j++) gw[k]![j]! += (err * z[j]!) / n;
      }
    }
    for (let k = 0; k < K; k++) {
      bias[k]! -= o.learningRate * gb[k]!;
      for (let j = 0; j < J; j++) weights[k]![j]! -= o.learningRate * (gw[k]![j]! + o.l2 * weights[k]![j]!);
    }
  }
  const partial = { features, weights: weights.map((r) => r.map(round6)), bias: bias.map(round6) };
  const logitsOf = (set: Application[]) => X(set).map((x) => scores(partial, standardize(partial, x)));

  // Temperature scaling: the T minimising the negative log-likelihood on the calibration split.
  const calLogits = logitsOf(calSet);
  const yCal = Y(calSet);
  let temperature = 1;
  let best = Infinity;
  for (let t = 0.3; t <= 4.0001; t += 0.01) {
    const loss = nll(
      calLogits.map((l) => softmax(l, t)),
      yCal,
    );
    if (loss < best) {
      best = loss;
      temperature = Math.round(t * 100) / 100;
    }
  }

  const testLogits = logitsOf(testSet);
  const yTest = Y(testSet);
  const before = testLogits.map((l) => softmax(l));
  const after = testLogits.map((l) => softmax(l, temperature));
  const calBefore = calibrationOf(before, yTest);
  const calAfter = calibrationOf(after, yTest);
  const subgroups = [
    { name: '1', test: (a: Application) => a.householdSize === 1 },
    { name: '2', test: (a: Application) => a.householdSize === 2 },
    { name: '3+', test: (a: Application) => a.householdSize >= 3 },
  ].map(({ name, test }) => {
    const idx = testSet.map((a, i) => (test(a) ? i : -1)).filter((i) => i >= 0);
    return {
      name,
      n: idx.length,
      accuracy: round6(
        accuracyOf(
          idx.map((i) => after[i]!),
          idx.map((i) => yTest[i]!),
        ),
      ),
    };
  });

  return {
    id: 'wohngeld-softmax-synthetic',
    version: '1.0.0',
    training: {
      seed: o.seed,
      train: o.train,
      calibration: o.calibration,
      test: o.test,
      iterations: o.iterations,
      l2: o.l2,
      learningRate: o.learningRate,
    },
    classes: LABELS,
    ...partial,
    temperature,
    metrics: {
      accuracy: round6(accuracyOf(after, yTest)),
      eceBefore: round6(calBefore.ece),
      eceAfter: round6(calAfter.ece),
      nllBefore: round6(nll(before, yTest)),
      nllAfter: round6(nll(after, yTest)),
      bins: ECE_BINS,
      subgroups,
    },
    reliability: calAfter.bins,
    evaluatedAt: o.evaluatedAt,
    prototypes: trainSet.slice(0, o.prototypes).map((a) => ({
      id: a.id,
      x: featureVector(a).map(round6),
      label: a.label,
    })),
  };
}
