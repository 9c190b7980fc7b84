import {
  FactorSchema,
  FactorsSchema,
  ModelFactsSchema,
  ModelIdentitySchema,
  ReliabilityBinSchema,
  SubgroupPerformanceSchema,
  type Factor,
  type Factors,
  type ModelFacts,
} from '@deliberate/core/schemas';
import type { ExplanationInput, ModelPanelData, PanelSlice } from './explanation-data.ts';
import { isRecord, Reader, slice, type Path, type SafeParser } from './read-safely.ts';

/*
 * One reader per panel: a broken entry costs that entry, a broken panel never costs another
 * (see `validate.ts`). No React.
 */

/**
 * An array slice: every entry checked with `schema`; entries that fail are left out and reported.
 * An empty array counts as absent (nothing to show); an array whose every entry fails is invalid.
 */
export function readList<T>(raw: unknown, schema: SafeParser<T>, path: Path): PanelSlice<T[]> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  const r = new Reader();
  const items = r.elements(raw, path);
  if (items === null) {
    r.add(path, 'type');
    return { status: 'invalid', issues: r.issues };
  }
  if (items.length === 0 && r.issues.length === 0) return { status: 'absent' };
  const valid: T[] = [];
  items.forEach((item, index) => {
    const parsed = r.parse(schema, item, [...path, index]);
    if (parsed !== undefined) valid.push(parsed);
  });
  return slice(valid.length > 0 ? valid : undefined, r.issues);
}

export function readFactors(raw: unknown): PanelSlice<Factors> {
  const path: Path = ['factors'];
  if (raw === undefined || raw === null) return { status: 'absent' };
  const r = new Reader();
  // The whole slice first: when it is fine, that is the answer.
  const whole = r.parse(FactorsSchema, raw, path);
  if (whole !== undefined) return slice(whole, r.issues);
  // Otherwise salvage: baseValue is required to draw anything; broken factors are left out.
  const salvage = new Reader();
  if (!isRecord(raw)) {
    salvage.add(path, 'type');
    return { status: 'invalid', issues: salvage.issues };
  }
  const base = salvage.read(raw, 'baseValue', [...path, 'baseValue']);
  const prediction = salvage.read(raw, 'prediction', [...path, 'prediction']);
  const scale = salvage.read(raw, 'scale', [...path, 'scale']);
  const rawItems = salvage.read(raw, 'items', [...path, 'items']);
  const items: Factor[] = [];
  const elements = salvage.elements(rawItems, [...path, 'items']);
  if (elements === null) salvage.add([...path, 'items'], rawItems === undefined ? 'missing' : 'type');
  else
    elements.forEach((item, index) => {
      const parsed = salvage.parse(FactorSchema, item, [...path, 'items', index]);
      if (parsed !== undefined) items.push(parsed);
    });
  if (typeof base !== 'number' || !Number.isFinite(base)) {
    salvage.add(
      [...path, 'baseValue'],
      base === undefined ? 'missing' : typeof base === 'number' ? 'range' : 'type',
    );
    return { status: 'invalid', issues: salvage.issues };
  }
  const data: Factors = { baseValue: base, items };
  if (typeof prediction === 'number' && Number.isFinite(prediction)) data.prediction = prediction;
  else if (prediction !== undefined) salvage.add([...path, 'prediction'], 'type');
  if (typeof scale === 'string') data.scale = scale;
  else if (scale !== undefined) salvage.add([...path, 'scale'], 'type');
  return slice(items.length > 0 || salvage.issues.length === 0 ? data : undefined, salvage.issues);
}

const MODEL_FACT_KEYS = [
  'intendedUse',
  'limitations',
  'failureModes',
  'subgroups',
  'trainingDataDate',
  'overallAccuracy',
] as const;

function readModelFacts(raw: unknown, r: Reader): ModelFacts | undefined {
  const path: Path = ['modelFacts'];
  if (raw === undefined || raw === null) return undefined;
  const probe = new Reader();
  const whole = probe.parse(ModelFactsSchema, raw, path);
  if (whole !== undefined) return whole;
  if (!isRecord(raw)) {
    r.add(path, 'type');
    return undefined;
  }
  // Field by field: a broken subgroup row costs that row, a broken date costs the date.
  const facts: ModelFacts = {};
  for (const key of MODEL_FACT_KEYS) {
    const value = r.read(raw, key, [...path, key]);
    if (value === undefined) continue;
    const at: Path = [...path, key];
    switch (key) {
      case 'intendedUse':
      case 'trainingDataDate':
        if (typeof value === 'string') facts[key] = value;
        else r.add(at, 'type');
        break;
      case 'overallAccuracy':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1)
          facts.overallAccuracy = value;
        else r.add(at, typeof value === 'number' ? 'range' : 'type');
        break;
      case 'limitations':
      case 'failureModes': {
        const list = r.elements(value, at);
        if (list === null) r.add(at, 'type');
        else {
          const strings: string[] = [];
          list.forEach((item, index) => {
            if (typeof item === 'string') strings.push(item);
            else r.add([...at, index], item === undefined ? 'missing' : 'type');
          });
          facts[key] = strings;
        }
        break;
      }
      case 'subgroups': {
        const list = r.elements(value, at);
        if (list === null) r.add(at, 'type');
        else {
          const rows: NonNullable<ModelFacts['subgroups']> = [];
          list.forEach((item, index) => {
            const parsed = r.parse(SubgroupPerformanceSchema, item, [...at, index]);
            if (parsed !== undefined) rows.push(parsed);
          });
          facts.subgroups = rows;
        }
        break;
      }
    }
  }
  return facts;
}

export function readModel(explanation: unknown, input: ExplanationInput): PanelSlice<ModelPanelData> {
  const r = new Reader();
  const data: ModelPanelData = {};
  const rawFacts = isRecord(explanation) ? r.read(explanation, 'modelFacts', ['modelFacts']) : undefined;
  const facts = readModelFacts(rawFacts, r);
  if (facts !== undefined) data.facts = facts;

  if (input.model !== undefined && input.model !== null) {
    const identity = r.parse(ModelIdentitySchema, input.model, ['model']);
    if (identity !== undefined) data.identity = identity;
  }

  const calibration = input.calibration;
  if (calibration !== undefined && calibration !== null) {
    if (!isRecord(calibration)) r.add(['calibration'], 'type');
    else {
      const calibrated = r.read(calibration, 'calibrated', ['calibration', 'calibrated']);
      if (typeof calibrated === 'boolean') data.calibrated = calibrated;
      const dataset = r.read(calibration, 'dataset', ['calibration', 'dataset']);
      if (typeof dataset === 'string' && dataset !== '') data.calibrationDataset = dataset;
      const date = r.read(calibration, 'evaluatedAt', ['calibration', 'evaluatedAt']);
      if (typeof date === 'string' && date !== '') data.calibrationDate = date;
      const rawBins = r.read(calibration, 'bins', ['calibration', 'bins']);
      if (rawBins !== undefined) {
        const bins = readList(rawBins, ReliabilityBinSchema, ['calibration', 'bins']);
        if (bins.status === 'valid' || bins.status === 'partial') data.bins = bins.data;
        if (bins.status !== 'absent' && bins.status !== 'valid') r.issues.push(...bins.issues);
      }
    }
  }

  const hasFacts =
    data.facts !== undefined &&
    Object.values(data.facts).some((v) => (Array.isArray(v) ? v.length > 0 : true));
  const hasAnything = hasFacts || data.identity !== undefined || (data.bins?.length ?? 0) > 0;
  if (!hasAnything && r.issues.length === 0) return { status: 'absent' };
  return slice(hasAnything ? data : undefined, r.issues);
}

export function readDetail(raw: unknown): PanelSlice<string> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  if (typeof raw !== 'string') return { status: 'invalid', issues: [{ path: ['detail'], kind: 'type' }] };
  if (raw.trim() === '') return { status: 'absent' };
  return { status: 'valid', data: raw, issues: [] };
}
