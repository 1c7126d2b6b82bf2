/** 操作日志 in words: every action the backend audits has a label, and the detail reads as words, never codes, ids or raw times. */
import fs from 'node:fs';
import path from 'node:path';
import { ACTIVITY_MACHINE, POST_MACHINE, SIGNUP_MACHINE } from '../../../shared/activities/machine';
import { ACTION_LABELS, actionLabel, actorRoleName, detailWords, recordName } from '../../../shared/audit/labels';
import { REGISTRATION_MACHINE } from '../../../shared/members/machine';
import { ORDER_MACHINE } from '../../../shared/orders/machine';
import { DECLARATION_MACHINE } from '../../../shared/points/machine';
import { WISH_MACHINE } from '../../../shared/wishes/machine';

const BACKEND = path.resolve(__dirname, '../../../backend');
const keys = (m: { transitions: object }) => Object.keys(m.transitions);

/** Actions built from a code (`orders.${action}`): the codes each prefix can take, from the machines. */
const TEMPLATED: Record<string, string[]> = {
  orders: keys(ORDER_MACHINE),
  wishes: keys(WISH_MACHINE),
  points: keys(DECLARATION_MACHINE),
  members: keys(REGISTRATION_MACHINE),
  activities: [...keys(ACTIVITY_MACHINE), ...keys(SIGNUP_MACHINE), ...keys(POST_MACHINE)],
  users: ['grantRole', 'revokeRole'],
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every action string the backend writes to the audit log, read from its source: literals, templates and the poster/creation helpers. */
function auditedActions(): Set<string> {
  const found = new Set<string>();
  const prefixes = Object.keys(TEMPLATED);
  for (const file of sources(BACKEND)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/recordAudit\(|audited\(|createdAudit\(|auditOf\(|auditRoleChange\(/.test(text)) continue;
    // `action: 'x.y'` and `action: cond ? 'x.a' : 'x.b'`
    for (const m of text.matchAll(/action:\s*([^,}\n]+)/g)) for (const lit of (m[1] ?? '').matchAll(/'([a-z]+\.[A-Za-z]+)'/g)) found.add(lit[1]!);
    // Passed on to a helper that records it (codes/posters.ts savePdf).
    for (const m of text.matchAll(/savePdf\([^;]*?'([a-z]+\.[A-Za-z]+)'\)/g)) found.add(m[1]!);
    for (const m of text.matchAll(/createdAudit\([^,]+,\s*'[a-z]+',\s*'([A-Za-z]+)'/g)) found.add(`activities.${m[1]}`);
    for (const m of text.matchAll(/action:\s*`([a-z]+)\.\$\{/g)) {
      const prefix = m[1]!;
      if (!prefixes.includes(prefix)) throw new Error(`${path.relative(BACKEND, file)} audits \`${prefix}.\${…}\`: list its codes in TEMPLATED`);
      for (const code of TEMPLATED[prefix]!) found.add(`${prefix}.${code}`);
    }
  }
  return found;
}

it('every action the backend audits has a label in words', () => {
  const actions = auditedActions();
  // The scan finds the known ones, so a miss below is a missing label, not a broken scan.
  for (const a of [
    'orders.triage',
    'points.verify',
    'dashboard.exportOrders',
    'response.switchMode',
    'codes.poster',
    'activities.publishPost',
    'users.setHome',
    'content.hidePhoto',
  ])
    expect(actions).toContain(a);
  const missing = [...actions].filter((a) => !ACTION_LABELS[a]);
  expect(missing).toEqual([]);
  for (const a of actions) expect(actionLabel(a)).toMatch(/^[^a-zA-Z]+$/);
});

it('labels come from the machines where they say the step', () => {
  expect(ACTION_LABELS['points.verify']).toBe('核实积分申报');
  expect(ACTION_LABELS['dashboard.exportOrders']).toBe('导出点单明细');
  expect(ACTION_LABELS['orders.claim']).toBe('接单');
  expect(ACTION_LABELS['orders.complete']).toBe('办结');
});

const RAW = /[a-z_]+=|roles=\[|\bnull\b|\bundefined\b|\d{13}|\b(new|triaged|assigned|in_progress|member|community_staff|normal|emergency)\b/;

it.each([
  ['orders.progress', 'order', 'omgz1a2b3c000abcdef12', { from: 'assigned', to: 'in_progress', note: null }, ['已派单 → 处理中']],
  ['response.switchMode', 'community', 'c1', { from: 'normal', to: 'emergency', reason: '暴雨' }, ['平时 → 急时', '理由：暴雨']],
  ['response.send', 'instruction', 'i1', { title: '防汛值守', roles: ['member', 'grid_leader'], recipients: 12 }, ['发给：在职党员、网格长', '共 12 人']],
  ['activities.publish', 'activity', 'act1', { title: '敬老院探访', startAt: Date.parse('2026-12-06T01:30:00Z'), capacity: 10, perHour: 2 }, ['开始 12月6日 09:30', '10 个名额']],
  ['dashboard.exportOrders', 'area', 'c1', { from: '2026-12-01', to: '2026-12-06', rows: 40 }, ['时间：12月1日 至 12月6日', '共 40 行']],
  ['users.grantRole', 'user', 'u-x', { role: 'grid_leader', areaId: 'g1', userName: '赵强' }, ['角色：网格长']],
])('%s reads in words', (action, targetType, targetId, detail, want) => {
  const words = detailWords({ action, targetType, targetId, detail });
  expect(words).toEqual(expect.arrayContaining(want));
  for (const w of [...words, recordName({ action, targetType, targetId, detail })]) {
    expect(w).not.toMatch(RAW);
    expect(w).not.toContain(targetId);
  }
});

it('records are named as people name them, never by id', () => {
  expect(recordName({ action: 'orders.claim', targetType: 'order', targetId: 'omgz1a2b3c000abcdef12', detail: {} })).toMatch(/^点单 \d{8}-ABCDEF$/);
  expect(recordName({ action: 'orders.claim', targetType: 'order', targetId: 'odd-id', detail: {} })).toBe('点单');
  expect(recordName({ action: 'wishes.approve', targetType: 'wish', targetId: 'w1', detail: { title: '想要一台收音机' } })).toBe('微心愿「想要一台收音机」');
  expect(recordName({ action: 'users.grantRole', targetType: 'user', targetId: 'u-x', detail: { userName: '赵强' } })).toBe('人员「赵强」');
  expect(recordName({ action: 'response.switchMode', targetType: 'community', targetId: 'c1', detail: {}, areaName: '梅川第一居委会' })).toBe('社区「梅川第一居委会」');
  expect(recordName({ action: 'activities.checkIn', targetType: 'signup', targetId: 's1', detail: {} })).toBe('活动报名');
  expect(actorRoleName('system', undefined)).toBe('系统');
  expect(actorRoleName('u1', 'community_staff')).toBe('社区工作人员');
});
