/** What the simulator knows of each deployed function: its bundle's config.json plus the deploy settings. */
import fs from 'node:fs';
import path from 'node:path';
import type { FunctionSpec } from './containers';

/**
 * The bundles' config.json (what WeChat's upload reads: permissions, triggers) + build/cloudbaserc.json
 * (what the deploy sets: runtime, timeout, memory, environment variables). A function deployed without a
 * timeout gets CloudBase's default of 3 s — exactly what the bundles' own config.json cannot change.
 */
export function readFunctionSpecs(functionsDir: string): Map<string, FunctionSpec> {
  const rcFile = path.join(functionsDir, '..', 'cloudbaserc.json');
  const rc = fs.existsSync(rcFile) ? (JSON.parse(fs.readFileSync(rcFile, 'utf8')) as { functions?: Array<Record<string, unknown>> }) : {};
  const specs = new Map<string, FunctionSpec>();
  for (const entry of fs.readdirSync(functionsDir, { withFileTypes: true })) {
    const dir = path.join(functionsDir, entry.name);
    if (!entry.isDirectory() || !fs.existsSync(path.join(dir, 'index.js'))) continue;
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { permissions?: { openapi?: string[] }; triggers?: FunctionSpec['triggers'] };
    const deploy = rc.functions?.find((f) => f.name === entry.name) ?? {};
    specs.set(entry.name, {
      name: entry.name,
      dir,
      runtime: typeof deploy.runtime === 'string' ? deploy.runtime : 'Nodejs18.15',
      timeout: typeof deploy.timeout === 'number' ? deploy.timeout : 3,
      env: (deploy.envVariables as Record<string, string> | undefined) ?? {},
      openapi: config.permissions?.openapi ?? [],
      triggers: config.triggers ?? [],
    });
  }
  return specs;
}
