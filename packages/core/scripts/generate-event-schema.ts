/**
 * Writes `event-schema.json` (JSON Schema 2020-12) from the zod schemas of the event contract.
 * Run with `pnpm schema:events`; a test fails when the checked-in file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventJsonSchema } from '../src/events/json-schema.ts';

const target = fileURLToPath(new URL('../event-schema.json', import.meta.url));
writeFileSync(target, eventJsonSchema());
console.log(`wrote ${target}`);
