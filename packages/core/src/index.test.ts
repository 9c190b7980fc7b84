import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION } from './index.ts';
describe('core', () => { it('has a schema version', () => { expect(EVENT_SCHEMA_VERSION).toBe('deliberate.event/1'); }); });
