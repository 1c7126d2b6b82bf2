/**
 * The client's request keys (miniprogram/src/api/keyed.ts): a keyed write carries one key per submission; a transport
 * failure (no answer: ApiError code NETWORK) is sent once more with the same key, an app error is not; the key
 * outlives a failed call so tapping 提交 again reuses it, and an answer ends it.
 */
import type { Send } from '../../../miniprogram/src/api/keyed';
import { KEYED, keyedSender, newRequestKey } from '../../../miniprogram/src/api/keyed';

/** What api/errors.ts ApiError looks like to the sender (its module needs the mini-program's @shared alias). */
class FakeApiError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const DECLARATION = { date: '2026-11-19', hours: 2, description: '协助开展垃圾分类宣传' };

/** A transport that answers from a script, recording what was sent. */
function scripted(...script: Array<'ok' | string>) {
  const sent: Array<{ fn: string; action: string; input: Record<string, unknown> }> = [];
  const send: Send = async (fn, action, input) => {
    sent.push({ fn, action, input: input as Record<string, unknown> });
    const next = script.shift() ?? 'ok';
    if (next !== 'ok') throw new FakeApiError(next);
    return { id: `id-${sent.length}` };
  };
  return { sent, call: keyedSender(send, { retryDelayMs: 0 }) };
}

const keysOf = (sent: Array<{ input: Record<string, unknown> }>) => sent.map((s) => s.input.requestKey);

it('names the keyed writes the server answers as the first write', () => {
  expect([...KEYED].sort()).toEqual([
    'activities.publish',
    'activities.publishPost',
    'diary.record',
    'orders.file',
    'orders.note',
    'orders.progress',
    'points.declare',
    'wishes.post',
  ]);
});

it('makes keys the server accepts (8–64 of [A-Za-z0-9_-]), a new one each time', () => {
  const keys = new Set(Array.from({ length: 200 }, newRequestKey));
  expect(keys.size).toBe(200);
  for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
});

it('retries a transport failure once, with the same key, and answers what the retry got', async () => {
  const { sent, call } = scripted('NETWORK', 'ok');
  expect(await call('points', 'declare', DECLARATION)).toEqual({ id: 'id-2' });
  expect(sent).toHaveLength(2);
  const [first, second] = keysOf(sent);
  expect(first).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(second).toBe(first);
  expect(sent[1]!.input).toEqual({ ...DECLARATION, requestKey: first });
});

it('retries only once: a second failure reaches the page, and tapping again reuses the key until an answer', async () => {
  const { sent, call } = scripted('NETWORK', 'NETWORK', 'NETWORK', 'ok', 'ok');
  await expect(call('wishes', 'post', { title: '书' })).rejects.toMatchObject({ code: 'NETWORK' });
  expect(sent).toHaveLength(2);
  expect(await call('wishes', 'post', { title: '书' })).toEqual({ id: 'id-4' });
  expect(sent).toHaveLength(4);
  expect(new Set(keysOf(sent)).size).toBe(1);
  // Answered: the same content submitted again is a new submission.
  await call('wishes', 'post', { title: '书' });
  expect(keysOf(sent)[4]).not.toBe(keysOf(sent)[0]);
});

it.each(['VALIDATION', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL', 'UNAUTHENTICATED'])('does not retry an app error (%s), and the next tap is a new submission', async (code) => {
  const { sent, call } = scripted(code, 'ok');
  await expect(call('diary', 'record', { heard: '楼道堆物' })).rejects.toMatchObject({ code });
  expect(sent).toHaveLength(1);
  await call('diary', 'record', { heard: '楼道堆物' });
  expect(sent).toHaveLength(2);
  expect(keysOf(sent)[1]).not.toBe(keysOf(sent)[0]);
});

it('changed content after a failure is a new submission with its own key', async () => {
  const { sent, call } = scripted('NETWORK', 'NETWORK', 'ok');
  await expect(call('activities', 'publishPost', { title: '楼道长' })).rejects.toMatchObject({ code: 'NETWORK' });
  await call('activities', 'publishPost', { title: '楼道长（2 人）' });
  expect(keysOf(sent)[2]).not.toBe(keysOf(sent)[0]);
});

it('two taps at once on the same content share one key (the server makes one record)', async () => {
  const { sent, call } = scripted('ok', 'ok');
  await Promise.all([call('activities', 'publish', { title: '宣传' }), call('activities', 'publish', { title: '宣传' })]);
  expect(keysOf(sent)[0]).toBe(keysOf(sent)[1]);
});

it("keeps a caller's own key, retrying with it", async () => {
  const { sent, call } = scripted('NETWORK', 'ok');
  await call('points', 'declare', { ...DECLARATION, requestKey: 'page-made-key-1' });
  expect(keysOf(sent)).toEqual(['page-made-key-1', 'page-made-key-1']);
});

it('leaves every other action alone: no key, no retry', async () => {
  const { sent, call } = scripted('NETWORK', 'ok');
  await expect(call('orders', 'claim', { orderId: 'o1' })).rejects.toMatchObject({ code: 'NETWORK' });
  expect(sent).toEqual([{ fn: 'orders', action: 'claim', input: { orderId: 'o1' } }]);
});
