/** What a function's own source reaches: its backend modules (esbuild's metafile), and what those call and read. */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Which port calls need which 云调用 permission. The cloud ports (backend/ports/cloud.ts) are bundled into every
 * function, so the bundle text says nothing; the domain modules that call the ports' wrappers do.
 */
export const OPENAPI_CALLS: { permission: string; call: RegExp }[] = [
  { permission: 'security.msgSecCheck', call: /(?<!function\s)\bcheckContent\(/ },
  { permission: 'security.mediaCheckAsync', call: /(?<!function\s)\bcheckPhotos\(/ },
  { permission: 'subscribeMessage.send', call: /(?<!function\s)\b(notify|pushMessages)\(/ },
  { permission: 'wxacode.getUnlimited', call: /\bports\.codes\.make\(/ },
];

export interface FunctionScan {
  /** Source files (repo-relative) bundled into the function, packages left out. */
  inputs: string[];
  /** 云调用 permissions its modules need. */
  openapi: string[];
  /** `process.env.WG_*` its modules read outside the ports (the ports' own reads are planned by permission). */
  envVars: string[];
  /** Collection names passed as literals to `.collection('name')` / `.collection<T>('name')`. */
  collections: string[];
}

const ENV_READ = /process\.env\.(WG_[A-Z0-9_]+)/g;
const COLLECTION_LITERAL = /\.collection(?:<[^>()]*>)?\(\s*['"]([A-Za-z0-9_]+)['"]/g;
/** `.collection<T>(POINTS_RULES)`: a named constant, resolved through `const POINTS_RULES = 'points_rules'`. */
const COLLECTION_CONSTANT = /\.collection(?:<[^>()]*>)?\(\s*([A-Z][A-Z0-9_]*)\s*\)/g;
const STRING_CONSTANT = /\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*['"]([A-Za-z0-9_]+)['"]/g;

/** Bundles without writing: only the metafile is wanted, so every package stays external and this is quick. */
export async function functionInputs(root: string, name: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules/'))
    .sort();
}

function matches(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => m[1] ?? '');
}

export function scanSources(root: string, inputs: string[]): Omit<FunctionScan, 'inputs'> {
  const openapi = new Set<string>();
  const envVars = new Set<string>();
  const collections = new Set<string>();
  const constants = new Map<string, string>();
  const named = new Set<string>();
  for (const file of inputs) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(STRING_CONSTANT)) constants.set(m[1] ?? '', m[2] ?? '');
    for (const c of matches(text, COLLECTION_CONSTANT)) named.add(c);
    for (const { permission, call } of OPENAPI_CALLS) if (call.test(text)) openapi.add(permission);
    if (!file.startsWith('backend/ports/')) for (const v of matches(text, ENV_READ)) envVars.add(v);
    for (const c of matches(text, COLLECTION_LITERAL)) collections.add(c);
  }
  for (const c of named) {
    const value = constants.get(c);
    if (value) collections.add(value);
  }
  return { openapi: [...openapi].sort(), envVars: [...envVars].sort(), collections: [...collections].sort() };
}

export async function scanFunction(root: string, name: string): Promise<FunctionScan> {
  const inputs = await functionInputs(root, name);
  return { inputs, ...scanSources(root, inputs) };
}
