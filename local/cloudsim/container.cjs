// A simulated CloudBase function container: runs inside the function's own Node runtime (16.13 / 18.15),
// loads the deployable bundle once (cold start), then runs one invocation at a time as the parent asks.
// Plain CommonJS with no imports from the project: it must run on the real older Node binaries.
'use strict';
const path = require('path');

const bundleDir = process.argv[2];
const realNow = Date.now.bind(Date);
let clock = null;
// The simulator can pin the clock of an invocation (tests move time); otherwise time is real.
Date.now = () => (clock === null ? realNow() : clock);

const INVOCATION_KEYS = [
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_API_TOKEN',
  'WX_TRIGGER_API_TOKEN_V0',
  'TRIGGER_SRC',
  'TCB_CONTEXT_KEYS',
  'TCB_UUID',
  'TCB_SOURCE',
];

let main;
try {
  const loadedAt = realNow();
  main = require(path.join(bundleDir, 'index.js')).main;
  if (typeof main !== 'function') throw new Error('exports.main is not a function');
  process.send({ t: 'ready', ms: realNow() - loadedAt });
} catch (e) {
  process.send({ t: 'fatal', error: String((e && e.stack) || e) });
  process.exit(1);
}

process.on('message', (msg) => {
  if (!msg || msg.t !== 'invoke') return;
  // The runtime sets the caller's context as environment variables for the length of one invocation.
  for (const k of INVOCATION_KEYS) delete process.env[k];
  Object.assign(process.env, msg.env);
  clock = typeof msg.clock === 'number' ? msg.clock : null;
  Promise.resolve()
    .then(() => main(msg.event, msg.context))
    .then(
      (result) => {
        // What the platform hands back is the JSON of the result; undefined becomes null.
        const json = result === undefined ? null : JSON.parse(JSON.stringify(result));
        process.send({ t: 'done', id: msg.id, ok: true, result: json });
      },
      (e) => process.send({ t: 'done', id: msg.id, ok: false, error: String((e && e.stack) || e) }),
    );
});
process.on('unhandledRejection', (e) => {
  // A rejected promise nobody awaited kills a Node 16+ process, as it does in the real runtime.
  console.error('[container] unhandled rejection', e);
  process.exit(1);
});
