/**
 * 12345 工单导入 (issue 14, point 3): a street's hotline export read as tickets. Column mapping (the hotline's usual header
 * by default, a street's own saved mapping when it differs), one row → one ticket or a numbered problem, the address placed
 * on a building of the street's tree or queued for staff, and the export back in the same layout. Pure: the server reads
 * the file and the tree, this decides.
 */
import { addWorkingHours } from '../calendar/workdays';
import { SHANGHAI_OFFSET_MS } from '../time';
import type { BuildingIndex } from './hotlineAddress';
import { matchAddress, squash } from './hotlineAddress';
import type { OrderCategory } from './model';
import { ORDER_CATEGORIES } from './model';

/** The fields a ticket is read into, in the hotline export's usual order. */
export const HOTLINE_FIELDS = ['ticket', 'calledAt', 'content', 'address', 'contact', 'phone', 'deadline', 'category'] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

/** The header each field has in a 12345 export; a street whose export says otherwise saves its own mapping. */
export const HOTLINE_DEFAULT_HEADERS: Record<HotlineField, string> = {
  ticket: '工单编号',
  calledAt: '来电时间',
  content: '诉求内容',
  address: '诉求地址',
  contact: '联系人',
  phone: '联系电话',
  deadline: '办理时限',
  category: '诉求分类',
};
/** Fields a ticket cannot be filed without (联系人, 联系电话 and 诉求分类 may be blank: anonymous calls happen). */
export const HOTLINE_REQUIRED: readonly HotlineField[] = ['ticket', 'calledAt', 'content', 'address', 'deadline'];
/** The columns the export adds after the hotline's own. */
export const HOTLINE_RESULT_COLUMNS = ['办理结果', '办结时间', '回访结果'] as const;
/** Rows one file may hold, and its size: the limits (a street's month of tickets fits many times over). */
export const HOTLINE_MAX_ROWS = 50_000;
export const HOTLINE_MAX_BYTES = 20 * 1024 * 1024;

/** Header text per field; a field left out takes the default header. */
export type HotlineMapping = Partial<Record<HotlineField, string>>;

export interface HotlineProblem {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  message: string;
}

export interface HotlineTicket {
  row: number;
  ticket: string;
  calledAt: number;
  content: string;
  address: string;
  contact?: string;
  phone?: string;
  /** The hotline's own 办理时限 (parseHotlineDeadline): the order's 办结期限, whatever colour triage gives it. */
  deadline: number;
  /** The 诉求分类 as written, and the 点单 category it maps to. */
  hotlineCategory?: string;
  category: OrderCategory;
  /** The building the address names, when exactly one does. */
  buildingId?: string;
  /** Why it waits for staff to place it by hand: no building matched, or several did (their names). */
  unplaced?: { reason: 'unknown' | 'ambiguous'; candidates: string[] };
}

export interface HotlinePlan {
  problems: HotlineProblem[];
  tickets: HotlineTicket[];
  /** Column index per field, for the export back in the same layout. */
  columns: Partial<Record<HotlineField, number>>;
}

const clean = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();

/** The column each field sits in, or a message naming the missing columns (the mapping's header words). */
export function readHotlineHeader(header: string[], mapping: HotlineMapping = {}): { columns: Partial<Record<HotlineField, number>> } | { error: string } {
  const columns: Partial<Record<HotlineField, number>> = {};
  const cells = header.map((c) => squash(c ?? ''));
  for (const field of HOTLINE_FIELDS) {
    const word = squash(mapping[field] ?? HOTLINE_DEFAULT_HEADERS[field]);
    const i = cells.indexOf(word);
    if (i >= 0) columns[field] = i;
  }
  const missing = HOTLINE_REQUIRED.filter((f) => columns[f] === undefined).map((f) => mapping[f] ?? HOTLINE_DEFAULT_HEADERS[f]);
  if (missing.length) return { error: `第 1 行应为表头，缺少「${missing.join('」「')}」列：请核对列名，或在「列对应」里指定本街道导出表的列名` };
  return { columns };
}

/** A mapping worth saving: only the fields whose header differs from the default, each a short plain header. */
export function normaliseMapping(mapping: HotlineMapping): HotlineMapping | { field: HotlineField; error: string } {
  const out: HotlineMapping = {};
  const seen = new Map<string, HotlineField>();
  for (const field of HOTLINE_FIELDS) {
    const raw = mapping[field];
    const word = raw === undefined ? HOTLINE_DEFAULT_HEADERS[field] : squash(raw);
    if (!word) return { field, error: `「${HOTLINE_DEFAULT_HEADERS[field]}」对应的列名不能为空` };
    if (word.length > 20) return { field, error: `「${HOTLINE_DEFAULT_HEADERS[field]}」对应的列名不能超过 20 个字` };
    const other = seen.get(word);
    if (other) return { field, error: `「${HOTLINE_DEFAULT_HEADERS[field]}」与「${HOTLINE_DEFAULT_HEADERS[other]}」不能对应同一列「${word}」` };
    seen.set(word, field);
    if (word !== HOTLINE_DEFAULT_HEADERS[field]) out[field] = word;
  }
  return out;
}

/**
 * A hotline time in Beijing time: `2026-12-01 09:30[:00]`, `2026/12/1 9:30`, `2026年12月1日 9时30分`, a date alone, or an
 * Excel serial day number (a cell formatted as a date that the reader left as a number). `endOfDay` reads a date alone as
 * its last moment (a 办理时限 of 12月5日 means by the end of 12月5日).
 */
export function parseHotlineTime(text: string, endOfDay = false): number | null {
  const s = clean(text);
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Number(s);
    // Excel's day 25569 is 1970-01-01; the fraction is the time of day, both in the sheet's (Beijing) local time.
    const ms = Math.round((serial - 25569) * 86400_000) - SHANGHAI_OFFSET_MS;
    return serial % 1 === 0 && endOfDay ? ms + 86400_000 - 1000 : ms;
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]*(\d{1,2})\s*[:时](\d{1,2})(?:\s*[:分](\d{1,2}))?\s*[秒分]?)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || (h ?? 0) > 23 || (mi ?? 0) > 59 || (se ?? 0) > 59) return null;
  const utc = Date.UTC(y!, mo! - 1, d!, h ?? 0, mi ?? 0, se ?? 0);
  if (new Date(utc).getUTCDate() !== d) return null; // 2月30日
  if (h === undefined && endOfDay) return utc - SHANGHAI_OFFSET_MS + 86400_000 - 1000;
  return utc - SHANGHAI_OFFSET_MS;
}

/** A 办理时限 written as a span: `5个工作日`, `3工作日内`, `16个工作小时`, `24小时`, `7天`/`7个自然日`; a bare number is working days. */
const SPAN = /^(\d{1,3})\s*(?:个)?\s*(工作日|工作天|工作小时|工作时|小时|自然日|天|日)?\s*内?$/;

/**
 * The hotline's 办理时限 of a ticket called at `calledAt`: a date/time as parseHotlineTime reads it (a date alone is that day's
 * end), or a span counted from 来电时间. Working days and hours follow China's calendar with 调休 (shared/calendar/workdays),
 * so 5个工作日 from 9月29日 runs past 国庆; a bare number is working days, as hotline rules count 办理时限. Null when unreadable.
 */
export function parseHotlineDeadline(text: string, calledAt: number): number | null {
  const s = clean(text).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const span = SPAN.exec(s);
  if (!span) return parseHotlineTime(s, true);
  const n = Number(span[1]);
  const unit = span[2] ?? '工作日';
  if (n < 1 || (unit.includes('时') ? n > 720 : n > 90)) return null;
  if (unit === '工作日' || unit === '工作天') return addWorkingHours(calledAt, n * 24);
  if (unit === '工作小时' || unit === '工作时') return addWorkingHours(calledAt, n);
  return calledAt + n * (unit === '小时' ? 1 : 24) * 3600_000;
}

/** 12345 诉求分类 words and the 点单 category each falls in (the first that the 分类 contains). */
const CATEGORY_WORDS: ReadonlyArray<[string, OrderCategory]> = [
  ['维修', '维修'],
  ['漏水', '维修'],
  ['电梯', '维修'],
  ['供水', '维修'],
  ['供暖', '维修'],
  ['路灯', '维修'],
  ['物业', '维修'],
  ['房屋', '维修'],
  ['卫生', '环境卫生'],
  ['垃圾', '环境卫生'],
  ['环境', '环境卫生'],
  ['绿化', '环境卫生'],
  ['噪音', '环境卫生'],
  ['市容', '环境卫生'],
  ['养老', '助老助残'],
  ['助老', '助老助残'],
  ['残疾', '助老助残'],
  ['助残', '助老助残'],
  ['政策', '政策咨询'],
  ['咨询', '政策咨询'],
  ['社保', '政策咨询'],
  ['户籍', '政策咨询'],
  ['法律', '法律援助'],
  ['医疗', '医疗健康'],
  ['卫健', '医疗健康'],
  ['健康', '医疗健康'],
  ['纠纷', '矛盾纠纷'],
  ['邻里', '矛盾纠纷'],
  ['安全', '安全隐患'],
  ['消防', '安全隐患'],
  ['隐患', '安全隐患'],
  ['城乡建设', '其他'],
  ['交通', '其他'],
  ['其他', '其他'],
];

/** The 点单 category for a 诉求分类 (blank → 其他), or null when nothing maps it. */
export function hotlineCategory(text: string): OrderCategory | null {
  const s = squash(text);
  if (!s) return '其他';
  if ((ORDER_CATEGORIES as readonly string[]).includes(s)) return s as OrderCategory;
  return CATEGORY_WORDS.find(([word]) => s.includes(word))?.[1] ?? null;
}

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}(-\d{1,6})?$|^\d{7,8}$/;
const TICKET = /^[A-Za-z0-9-_]{4,40}$/;
const TAG = /<\s*\/?\s*[a-zA-Z!]/;

/**
 * The tickets in `rows` (row 0 the header). Every problem row is listed with its number and reason and becomes no ticket;
 * an address that names no single building is not a problem: the ticket is filed into the queue for staff to place.
 */
export function planHotline(rows: string[][], mapping: HotlineMapping, index: BuildingIndex): HotlinePlan {
  const head = readHotlineHeader(rows[0] ?? [], mapping);
  if ('error' in head) return { problems: [{ row: 1, message: head.error }], tickets: [], columns: {} };
  const col = head.columns;
  const name = (f: HotlineField) => mapping[f] ?? HOTLINE_DEFAULT_HEADERS[f];
  const problems: HotlineProblem[] = [];
  const tickets: HotlineTicket[] = [];
  const firstRow = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const at = (f: HotlineField) => (col[f] === undefined ? '' : clean(cells[col[f] as number]));
    if (HOTLINE_FIELDS.every((f) => !at(f))) return; // blank lines at the end of a sheet
    const say = (message: string) => problems.push({ row, message: `第 ${row} 行：${message}` });
    const blank = HOTLINE_REQUIRED.find((f) => !at(f));
    if (blank) return say(`「${name(blank)}」不能为空`);
    const ticket = at('ticket');
    if (!TICKET.test(ticket)) return say(`「${name('ticket')}」「${ticket}」应为 4–40 位字母、数字或短横线`);
    const seen = firstRow.get(ticket);
    if (seen) return say(`「${name('ticket')}」「${ticket}」与第 ${seen} 行重复`);
    firstRow.set(ticket, row);
    const calledAt = parseHotlineTime(at('calledAt'));
    if (calledAt === null) return say(`「${name('calledAt')}」「${at('calledAt')}」不是日期时间（如 2026-12-01 09:30）`);
    const deadline = parseHotlineDeadline(at('deadline'), calledAt);
    if (deadline === null) return say(`「${name('deadline')}」「${at('deadline')}」不是日期时间或工作日数（如 2026-12-05 18:00、5个工作日）`);
    if (deadline < calledAt) return say(`「${name('deadline')}」早于「${name('calledAt')}」`);
    const content = at('content');
    if (content.length > 1000) return say(`「${name('content')}」不能超过 1000 个字`);
    const tagged = (['content', 'address', 'contact'] as const).find((f) => TAG.test(at(f)));
    if (tagged) return say(`「${name(tagged)}」不能包含网页标签`);
    const phone = at('phone').replace(/\s/g, '');
    if (phone && !PHONE.test(phone)) return say(`「${name('phone')}」「${phone}」应为 11 位手机号或带区号的固定电话`);
    const category = hotlineCategory(at('category'));
    if (!category) return say(`「${name('category')}」「${at('category')}」对应不到点单类别（${ORDER_CATEGORIES.join('、')}）`);
    const contact = at('contact').slice(0, 30);
    tickets.push({
      row,
      ticket,
      calledAt,
      content,
      address: at('address').slice(0, 200),
      ...(contact ? { contact } : {}),
      ...(phone ? { phone } : {}),
      deadline,
      ...(at('category') ? { hotlineCategory: at('category') } : {}),
      category,
      ...matchAddress(at('address'), index),
    });
  });
  return { problems, tickets, columns: col };
}

/** What the export adds for one ticket: the order's outcome in the hotline's words. */
export interface HotlineOutcome {
  /** 办理结果: the completion note, or the order's state while it is open. */
  result: string;
  /** 办结时间 in Beijing time, blank while open. */
  completedAt?: number;
  /** 回访结果: 满意 / 基本满意 / 不满意, or the resident's stars. */
  visit?: string;
}

/** `2026-12-03 16:05` in Beijing time, as the hotline's own exports write times. */
export function formatHotlineTime(at: number): string {
  const d = new Date(at + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** One exported row: the ticket's cells as the hotline's header lays them out (`header`), then 办理结果/办结时间/回访结果. */
export function exportRow(header: string[], columns: Partial<Record<HotlineField, number>>, cells: Partial<Record<HotlineField, string>>, outcome: HotlineOutcome): string[] {
  const out = header.map(() => '');
  for (const f of HOTLINE_FIELDS) {
    const i = columns[f];
    if (i !== undefined) out[i] = cells[f] ?? '';
  }
  return [...out, outcome.result, outcome.completedAt === undefined ? '' : formatHotlineTime(outcome.completedAt), outcome.visit ?? ''];
}
