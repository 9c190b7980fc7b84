import { toJSONSchema } from 'zod/mini';
import { DeliberateEventSchema, EVENT_SCHEMA_VERSION } from './schema.ts';

/**
 * The JSON Schema of `deliberate.event/1`, serialized exactly as it is checked in at
 * `@deliberate/core/event-schema.json`, for tools outside TypeScript (collectors, warehouses).
 */
export function eventJsonSchema(): string {
  const schema = toJSONSchema(DeliberateEventSchema, { target: 'draft-2020-12', io: 'input' });
  const withMeta = {
    ...schema,
    $id: 'https://deliberate.dev/schemas/deliberate.event-1.json',
    title: EVENT_SCHEMA_VERSION,
    description:
      'One Deliberate event: a step of a human decision about an AI recommendation, hash-chained. See docs/contracts.md in the Deliberate repository.',
  };
  return JSON.stringify(withMeta, null, 2) + '\n';
}
