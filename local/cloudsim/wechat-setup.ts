/**
 * The simulated mini-program as WeChat knows it: its pages (the built app.json, or the source app.config.ts
 * before a build), the subscribe templates added in the console (templates.json), and the checks' word list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BLOCKED_WORDS } from '../../backend/ports/local';
import type { SubscribeTemplate, WechatSimOptions } from './wechat';
import type { SimFieldType } from './wechat-fields';
import { FIELD_TYPES } from './wechat-fields';

const ROOT = path.resolve(__dirname, '..', '..');

/** Bytes a test or demo puts in an image to have WeChat's image check call it risky. */
export const RISKY_IMAGE_MARKER = 'WG-SIM-RISKY-IMAGE';

interface AppJson {
  pages?: unknown;
  subPackages?: unknown;
  subpackages?: unknown;
}

/** app.json's pages: main package pages, then each subpackage's `root/page`. */
export function pagesOfAppJson(app: AppJson): string[] {
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : []);
  const subs = Array.isArray(app.subPackages) ? app.subPackages : Array.isArray(app.subpackages) ? app.subpackages : [];
  const out = strings(app.pages);
  for (const sub of subs as Array<{ root?: unknown; pages?: unknown }>) {
    const root = typeof sub.root === 'string' ? sub.root.replace(/\/+$/, '') : '';
    for (const p of strings(sub.pages)) out.push(root ? `${root}/${p}` : p);
  }
  return out;
}

/** Reads the page lists out of app.config.ts's object literal (pages: [...], subPackages: [{ root, pages }]). */
export function pagesOfAppConfigSource(src: string): string[] {
  const list = (text: string): string[] => [...text.matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const subStart = src.search(/subPackages\s*:/);
  const head = subStart >= 0 ? src.slice(0, subStart) : src;
  const main = /pages\s*:\s*\[([^\]]*)\]/.exec(head);
  const subs = [...(subStart >= 0 ? src.slice(subStart) : '').matchAll(/\{\s*root\s*:\s*['"]([^'"]+)['"][^}]*?pages\s*:\s*\[([^\]]*)\]/g)].map((m) => ({
    root: m[1],
    pages: list(m[2] ?? ''),
  }));
  return pagesOfAppJson({ pages: main ? list(main[1] ?? '') : [], subPackages: subs });
}

export function appPages(root = ROOT): string[] {
  const built = path.join(root, 'build', 'weapp', 'app.json');
  if (fs.existsSync(built)) return pagesOfAppJson(JSON.parse(fs.readFileSync(built, 'utf8')) as AppJson);
  return pagesOfAppConfigSource(fs.readFileSync(path.join(root, 'miniprogram', 'src', 'app.config.ts'), 'utf8'));
}

export function loadTemplates(file = path.join(__dirname, 'templates.json')): SubscribeTemplate[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { templates?: unknown };
  if (!Array.isArray(parsed.templates)) throw new Error(`${file}: "templates" must be a list`);
  return parsed.templates.map((t: { id?: unknown; title?: unknown; fields?: unknown }, i) => {
    if (typeof t.id !== 'string' || typeof t.title !== 'string' || typeof t.fields !== 'object' || t.fields === null)
      throw new Error(`${file}: template ${i} needs id, title and fields`);
    const fields: Record<string, SimFieldType> = {};
    for (const [key, type] of Object.entries(t.fields as Record<string, unknown>)) {
      if (!(FIELD_TYPES as readonly unknown[]).includes(type)) throw new Error(`${file}: template ${t.title} field ${key} has unknown type ${String(type)}`);
      fields[key] = type as SimFieldType;
    }
    return { id: t.id, title: t.title, fields };
  });
}

export function wechatOptions(overrides: Partial<WechatSimOptions> = {}): WechatSimOptions {
  return {
    blockedWords: [...BLOCKED_WORDS],
    reviewWords: [],
    riskyImageMarker: RISKY_IMAGE_MARKER,
    templates: loadTemplates(),
    pages: appPages(),
    appid: 'wx5f3c0a1b2c3d4e5f',
    originalId: 'gh_5f3c0a1b2c3d',
    ...overrides,
  };
}
