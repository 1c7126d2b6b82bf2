/**
 * Property test: generated junk sent to every registered action of every function, through the real
 * HTTP gateway, always gets a well-formed envelope and never INTERNAL. New actions are fuzzed
 * automatically because the list comes from the registry.
 */
import fc from 'fast-check';
import { ERROR_CODES } from '../../shared/errors';
import { FUNCTIONS } from '../../backend/functions';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** The keys an action's schema declares, so junk often gets past "unknown field" into real checks. */
function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ minLength: 400, maxLength: 2000 }),
  fc.constantFrom('<script>alert(1)</script>', '', ' ', '\u0000', '../../etc/passwd', '__proto__', 'S310107102', 'u-street', '1'.repeat(70)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);

function junkFor(keys: string[]) {
  const known = keys.length ? fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: keys.length }) : fc.constant({});
  return fc.oneof(known, fc.anything(), fc.dictionary(fc.string(), nasty, { maxKeys: 4 }));
}

const actions = Object.entries(FUNCTIONS).flatMap(([fn, def]) =>
  Object.entries(def.actions).map(([action, a]) => ({ name: `${fn}.${action}`, fn, action, keys: shapeKeys(a.input) })),
);

function wellFormed(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const env = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; fields?: unknown } };
  if (env.ok === true) return 'data' in env;
  if (env.ok !== false || !env.error) return false;
  const { code, message, fields } = env.error;
  const fieldsOk = fields === undefined || (typeof fields === 'object' && fields !== null && Object.values(fields).every((v) => typeof v === 'string'));
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) && typeof message === 'string' && message.length > 0 && fieldsOk;
}

describe('every action answers junk with an envelope, never INTERNAL', () => {
  it('covers at least the foundation functions', () => {
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['areas.children', 'areas.search', 'users.me', 'users.grantRole']));
  });

  it.each(actions)('$name', async ({ fn, action, keys }) => {
    await fc.assert(
      fc.asyncProperty(junkFor(keys), fc.constantFrom(PEOPLE.resident, PEOPLE.staff, PEOPLE.street, null), async (data, who) => {
        const headers: Record<string, string> = who ? { authorization: `Bearer ${s.tokenFor(who)}` } : {};
        const { json } = await s.post(`/api/fn/${fn}`, JSON.stringify({ action, data }), headers);
        expect(wellFormed(json)).toBe(true);
        expect((json as { error?: { code: string } }).error?.code).not.toBe('INTERNAL');
      }),
      { numRuns: 120 },
    );
    expect(s.logged).toEqual([]);
  });

  it('answers junk envelopes (not even an object with an action) the same way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (event) => {
        const { json } = await s.post('/api/fn/users', JSON.stringify(event) ?? 'null', { authorization: `Bearer ${s.tokenFor(PEOPLE.staff)}` });
        expect(wellFormed(json)).toBe(true);
        expect((json as { error?: { code: string } }).error?.code).not.toBe('INTERNAL');
      }),
      { numRuns: 150 },
    );
  });
});
