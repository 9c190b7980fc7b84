import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedJsonError, parseBatch, type BatchFormat } from './batch.ts';
import { parseBatchSliced } from './parse-sliced.ts';
import { createEventFactory } from './testing/events.ts';

/** What parseBatch gives, or the message of what it throws. */
function reference(text: string, format: BatchFormat): unknown {
  try {
    return parseBatch(text, format);
  } catch (error) {
    return { thrown: error instanceof MalformedJsonError ? error.message : String(error) };
  }
}

async function sliced(text: string, format: BatchFormat): Promise<unknown> {
  try {
    return await parseBatchSliced(text, format);
  } catch (error) {
    return { thrown: error instanceof MalformedJsonError ? error.message : String(error) };
  }
}

const spacing = fc.constantFrom('', ' ', '\n', '\r\n', '\t ');

describe('parseBatchSliced', () => {
  it('equals parseBatch on JSON arrays of any values, with any spacing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 12 }),
        spacing,
        spacing,
        async (values, a, b) => {
          const text = `${a}[${a}${values.map((v) => JSON.stringify(v)).join(`${b},${a}`)}${b}]${a}`;
          expect(await sliced(text, 'json')).toEqual(reference(text, 'json'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals parseBatch on broken or unusual JSON bodies, errors included', async () => {
    const bodies = [
      '[',
      '[]',
      '[ ]',
      '[1,]',
      '[,1]',
      '[1 2]',
      '[{"a":1}}',
      '[{"a":"x\\"]"}]',
      '[{"a":"unterminated]',
      '{"id":"x"}',
      '"text"',
      '[1] trailing',
      '\ufeff[{"a":1}]',
      '{"a":1}\n{"b":2}',
      '[{"a":[1,{"b":[]}]}, "s", 3, true, null]',
    ];
    for (const body of bodies) expect(await sliced(body, 'json'), body).toEqual(reference(body, 'json'));
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (noise) => {
        const body = `[${noise}]`;
        expect(await sliced(body, 'json')).toEqual(reference(body, 'json'));
      }),
      { numRuns: 300 },
    );
  });

  it('equals parseBatch on NDJSON with blank, CRLF and broken lines across slice boundaries', async () => {
    const factory = createEventFactory();
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      if (i % 37 === 5) lines.push('{"broken": ');
      else if (i % 53 === 7) lines.push('');
      else lines.push(JSON.stringify(factory.next()) + (i % 3 === 0 ? '\r' : ''));
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    expect(await sliced(text, 'ndjson')).toEqual(reference(text, 'ndjson'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.string({ maxLength: 8 }),
          ),
          {
            maxLength: 10,
          },
        ),
        async (parts) => {
          const body = parts.join('\n');
          expect(await sliced(body, 'ndjson')).toEqual(reference(body, 'ndjson'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses a 6,500-event array to the same events while other work gets turns', async () => {
    const factory = createEventFactory();
    const events = Array.from({ length: 6500 }, () => factory.next());
    const text = JSON.stringify(events);
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const parsed = await parseBatchSliced(text, 'json');
    ticking = false;
    expect(parsed.items.map((item) => item.value)).toEqual(events);
    expect(turns).toBeGreaterThan(1);
  });
});
