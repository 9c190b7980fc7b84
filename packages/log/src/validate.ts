/*
 * A fast check that a value passes one of the core zod schemas, derived from that very schema at
 * run time. The logger validates every draft against `DecisionEventDraftSchema`; zod's own parse
 * builds a full copy of the value and a result object per node, which made validation the
 * largest single cost of stamping an event after hashing (bench/logger.bench.ts), most of it
 * garbage to collect.
 *
 * The compiled check answers only "valid?" and is exact for the constructs it knows (each
 * mirrors zod 4's parse and checks for that construct); any other construct (a refinement, a
 * transform, a default, a check it does not know, …) is handed to zod itself for that subtree.
 * The logger accepts a value when the check says valid, and asks zod for the verdict and the
 * issues otherwise, so the check can only ever make a valid value cheaper to accept, never let
 * an invalid one through on its own judgement. validate.test.ts holds the check equal to zod's
 * verdict on arbitrary values.
 */

interface ZodInternals {
  def: Record<string, unknown> & { type: string; checks?: readonly unknown[] };
  traits: Set<string>;
  optin?: string;
  optout?: string;
  values?: Set<unknown>;
  propValues?: Record<string, Set<unknown>>;
  run(payload: { value: unknown; issues: unknown[] }, ctx: { async: false }): { issues: unknown[] };
}

type Check = (value: unknown) => boolean;

/** A compiled check, and how many subtrees it leaves to zod (0 for the core event schemas). */
export interface CompiledValidator {
  check: Check;
  delegated: number;
}

class Unsupported extends Error {}

function internals(schema: unknown): ZodInternals {
  const zod = (schema as { _zod?: ZodInternals } | null)?._zod;
  if (!zod || typeof zod.def?.type !== 'string' || !(zod.traits instanceof Set)) throw new Unsupported();
  return zod;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A check that a string, or a number, satisfies zod check instances of the kinds zod's `z.string()` / `z.number()` take here. */
function compileChecks(checks: readonly unknown[] | undefined, kind: 'string' | 'number'): Check[] {
  const out: Check[] = [];
  for (const check of checks ?? []) {
    const zod = (check as { _zod?: { def?: Record<string, unknown>; traits?: unknown } } | null)?._zod;
    if (!zod?.def || !(zod.traits instanceof Set)) throw new Unsupported();
    const { def, traits } = zod as { def: Record<string, unknown>; traits: Set<string> };
    if (kind === 'string' && def.check === 'string_format' && def.format === 'regex') {
      const pattern = def.pattern;
      if (!(pattern instanceof RegExp) || def.when !== undefined || !traits.has('$ZodCheckRegex')) {
        throw new Unsupported();
      }
      out.push((value) => {
        pattern.lastIndex = 0;
        return pattern.test(value as string);
      });
    } else if (kind === 'string' && def.check === 'min_length') {
      // zod counts code points; for a minimum of 0 or 1 that is the same as counting UTF-16 units.
      const minimum = def.minimum;
      if (typeof minimum !== 'number' || minimum > 1 || !traits.has('$ZodCheckMinLength')) {
        throw new Unsupported();
      }
      out.push((value) => (value as string).length >= minimum);
    } else if (kind === 'number' && (def.check === 'greater_than' || def.check === 'less_than')) {
      const bound = def.value;
      const inclusive = def.inclusive;
      const trait = def.check === 'greater_than' ? '$ZodCheckGreaterThan' : '$ZodCheckLessThan';
      if (
        typeof bound !== 'number' ||
        typeof inclusive !== 'boolean' ||
        def.when !== undefined ||
        !traits.has(trait)
      ) {
        throw new Unsupported();
      }
      if (def.check === 'greater_than') {
        out.push(inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound);
      } else {
        out.push(inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound);
      }
    } else {
      throw new Unsupported();
    }
  }
  return out;
}

function all(checks: readonly Check[]): Check | undefined {
  if (checks.length === 0) return undefined;
  if (checks.length === 1) return checks[0];
  return (value) => {
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

/** One object property's verdict, as zod's object parse reaches it from the property's result. */
function compileProperty(key: string, schema: unknown, compile: (schema: unknown) => Check) {
  const zod = internals(schema);
  const check = compile(schema);
  const { optin, optout } = zod;
  return (input: Record<string, unknown>): boolean => {
    const present = key in input;
    if (!present && optout === 'optional' && optin === 'optional') return true;
    if (!check(input[key])) return optin !== undefined && optout === 'optional' && !present;
    return present || optin !== undefined;
  };
}

/**
 * Compiles `schema` (a zod 4 schema, for example `DecisionEventDraftSchema`) into a check that
 * returns zod's verdict without building zod's output.
 *
 * @example
 * const { check } = compileValidator(DecisionEventDraftSchema);
 * check(draft); // true exactly when DecisionEventDraftSchema.safeParse(draft).success
 */
export function compileValidator(schema: unknown): CompiledValidator {
  let delegated = 0;

  function delegate(target: unknown): Check {
    const zod = internals(target);
    delegated++;
    return (value) => zod.run({ value, issues: [] }, { async: false }).issues.length === 0;
  }

  function compile(target: unknown): Check {
    try {
      return compileKnown(target);
    } catch (error) {
      if (error instanceof Unsupported) return delegate(target);
      throw error;
    }
  }

  function compileKnown(target: unknown): Check {
    const zod = internals(target);
    const { def, traits } = zod;
    // A type that is itself a check (string formats such as z.email()) carries more than its def says.
    if (traits.has('$ZodCheck') || def.coerce) throw new Unsupported();
    const checks = def.checks as readonly unknown[] | undefined;
    switch (def.type) {
      case 'string': {
        if (!traits.has('$ZodString')) throw new Unsupported();
        const rest = all(compileChecks(checks, 'string'));
        return rest
          ? (value) => typeof value === 'string' && rest(value)
          : (value) => typeof value === 'string';
      }
      case 'number': {
        if (!traits.has('$ZodNumber') || traits.has('$ZodNumberFormat') || def.format !== undefined) {
          throw new Unsupported();
        }
        const rest = all(compileChecks(checks, 'number'));
        return rest
          ? (value) => typeof value === 'number' && Number.isFinite(value) && rest(value)
          : (value) => typeof value === 'number' && Number.isFinite(value);
      }
      case 'boolean':
        if (!traits.has('$ZodBoolean') || checks?.length) throw new Unsupported();
        return (value) => typeof value === 'boolean';
      case 'unknown':
        if (!traits.has('$ZodUnknown') || checks?.length) throw new Unsupported();
        return () => true;
      case 'literal':
      case 'enum': {
        const values = zod.values;
        if (
          !(traits.has('$ZodLiteral') || traits.has('$ZodEnum')) ||
          !(values instanceof Set) ||
          checks?.length
        ) {
          throw new Unsupported();
        }
        return (value) => values.has(value);
      }
      case 'optional': {
        if (!traits.has('$ZodOptional') || traits.has('$ZodExactOptional') || checks?.length) {
          throw new Unsupported();
        }
        if (internals(def.innerType).optin === 'defaulted') throw new Unsupported();
        const inner = compile(def.innerType);
        return (value) => value === undefined || inner(value);
      }
      case 'nullable': {
        if (!traits.has('$ZodNullable') || checks?.length) throw new Unsupported();
        const inner = compile(def.innerType);
        return (value) => value === null || inner(value);
      }
      case 'array': {
        if (!traits.has('$ZodArray') || checks?.length) throw new Unsupported();
        const element = compile(def.element);
        return (value) => {
          if (!Array.isArray(value)) return false;
          for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
          return true;
        };
      }
      case 'object': {
        if (!traits.has('$ZodObject') || checks?.length) throw new Unsupported();
        const shape = def.shape as Record<string, unknown>;
        if (Object.getOwnPropertySymbols(shape).length > 0) throw new Unsupported();
        const catchall = def.catchall;
        // Unknown keys: accepted as they are (looseObject) or, without a catchall, dropped.
        if (catchall !== undefined && internals(catchall).def.type !== 'unknown') throw new Unsupported();
        const properties = Object.keys(shape).map((key) => {
          if (key === '__proto__') throw new Unsupported();
          return compileProperty(key, shape[key], compile);
        });
        return (value) => {
          if (!isObject(value)) return false;
          for (const property of properties) if (!property(value)) return false;
          return true;
        };
      }
      case 'union': {
        if (!traits.has('$ZodUnion') || checks?.length) throw new Unsupported();
        const options = (def.options as readonly unknown[]).map((option) => compile(option));
        const discriminator = def.discriminator;
        if (discriminator === undefined) {
          if (def.inclusive === false || traits.has('$ZodXor')) throw new Unsupported();
          return (value) => {
            for (const option of options) if (option(value)) return true;
            return false;
          };
        }
        if (!traits.has('$ZodDiscriminatedUnion') || typeof discriminator !== 'string' || def.unionFallback) {
          throw new Unsupported();
        }
        // As zod's discriminator map: each option claims the values its discriminator accepts.
        const byValue = new Map<unknown, Check>();
        (def.options as readonly unknown[]).forEach((option, i) => {
          const values = internals(option).propValues?.[discriminator];
          if (!(values instanceof Set) || values.has(undefined)) throw new Unsupported();
          for (const tag of values) {
            if (byValue.has(tag)) throw new Unsupported();
            byValue.set(tag, options[i] as Check);
          }
        });
        return (value) => {
          if (!isObject(value)) return false;
          const option = byValue.get(value[discriminator]);
          return option !== undefined && option(value);
        };
      }
      default:
        throw new Unsupported();
    }
  }

  const check = compile(schema);
  return { check, delegated };
}
