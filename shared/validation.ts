/**
 * Schema builders that carry a Chinese field label into every message, and the one parse step
 * that turns zod issues into a VALIDATION error naming the fields. Built on zod/mini so the
 * client can reuse schemas without full zod's weight.
 */
import * as z from 'zod/mini';
import { AppError } from './errors';

const TAG = /<\s*\/?\s*[a-zA-Z!]/;
// eslint-disable-next-line no-control-regex -- finding control characters is what CONTROL is for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

interface TextOptions {
  min?: number;
  max: number;
}

/** Trimmed plain text: no markup, no control characters. */
export function text(label: string, { min = 1, max }: TextOptions) {
  return z.string({ error: `${label}需为文字` }).check(
    z.trim(),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少需要 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
    z.refine((s) => !TAG.test(s), `${label}不能包含网页标签`),
    z.refine((s) => !CONTROL.test(s), `${label}含有无法识别的字符`),
  );
}

/** A record id: short, URL-safe. */
export function id(label: string) {
  return z.string({ error: `${label}需为编号` }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}格式不正确`));
}

/**
 * 请求编号: the key a client makes once per submission and resends unchanged on a retry, so the server treats a
 * repeat as the same write (backend/runtime/keyed.ts). Optional: without one a submission is written as before.
 */
export const requestKey = z.optional(z.string({ error: '请求编号需为文字' }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为 8–64 位字母、数字、- 或 _')));

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}不在可选范围内` });
}

export function int(label: string, min: number, max: number) {
  return z.number({ error: `${label}需为数字` }).check(z.int(`${label}需为整数`), z.gte(min, `${label}不能小于 ${min}`), z.lte(max, `${label}不能大于 ${max}`));
}

export function bool(label: string) {
  return z.boolean({ error: `${label}需为是或否` });
}

/** 中国大陆手机号. */
export function mobile(label = '手机号') {
  return z.string({ error: `${label}需为文字` }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, `${label}应为 11 位手机号`));
}

/** Every action's input is a plain object; unknown keys are refused, not silently dropped. */
export function input<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, { error: '请求内容需为对象' });
}

export const noInput = input({});

export type Infer<S extends z.core.$ZodType> = z.infer<S>;

/** Parse or throw VALIDATION with `fields`: path → Chinese message. */
export function parseInput<S extends z.core.$ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = z.safeParse(schema, data === undefined ? {} : data);
  if (result.success) return result.data;
  // A Map, not an object: keys come from the request, and `__proto__`, `toString`… are already "in" a plain object.
  const found = new Map<string, string>();
  for (const issue of result.error.issues) {
    for (const [key, message] of describeIssue(issue)) {
      if (!found.has(key)) found.set(key, message);
    }
  }
  const first = found.values().next().value;
  // fromEntries defines own properties, so even `__proto__` arrives as a field name.
  throw new AppError('VALIDATION', first ?? '填写的内容有误', Object.fromEntries(found));
}

function describeIssue(issue: z.core.$ZodIssue): Array<[string, string]> {
  const key = issue.path.map(String).join('.') || '_';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => [prefix(key, k), `不认识的字段：${k}`]);
  }
  if (issue.message && issue.message !== 'Invalid input') return [[key, issue.message]];
  if (issue.code === 'invalid_type' && issue.input === undefined) return [[key, `缺少必填项：${key}`]];
  return [[key, `${key === '_' ? '请求内容' : key}格式不正确`]];
}

function prefix(key: string, child: string): string {
  return key === '_' ? child : `${key}.${child}`;
}
