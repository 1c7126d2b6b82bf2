/**
 * 一键响应 发送: resolve the recipients in the subtree at send time, then one insert of the instruction carrying a receipt per
 * recipient, their messages, the audit entry and their 待办 recount as its effects (docs/effects.md).
 */
import type { Area } from '../../shared/areas/model';
import { idsOnPath, isWithin } from '../../shared/areas/model';
import { AppError, invalid } from '../../shared/errors';
import type { RecipientRole } from '../../shared/response/model';
import { INSTRUCTION_LIMITS, RECIPIENT_ROLES } from '../../shared/response/model';
import { canSendInstruction } from '../../shared/response/permissions';
import type { SendInstructionInput } from '../../shared/response/schemas';
import { ROLE_NAMES, ROLE_RANK } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import { keptOnPaths } from '../areas/levels';
import { keptPathOf, trailOf } from '../areas/repo';
import { scanAll } from '../exports/xlsx';
import { checkContent, checkPhotos } from '../content/check';
import type { Effect } from '../records/effects';
import { audited, notice } from '../records/make';
import { withEffects } from '../records/move';
import { newId } from '../runtime/ids';
import type { Ctx, Deps } from '../runtime/types';
import type { UserDoc } from '../users/repo';
import { users } from '../users/repo';
import type { InstructionDoc, ReceiptDoc } from './repo';
import { instructions, receiptId } from './repo';

interface Recipient {
  user: UserDoc;
  role: RecipientRole;
  /** Where the person belongs under the target: the grant's node (member: community) and home. */
  grantPath: string;
}

const DAY = 24 * 3600_000;

/**
 * Whether a grant puts its holder inside `path`: its node lies there, or — for a 在职党员, whose role is
 * granted on the whole community — the registered home in that community does (a grid's members live in it).
 */
function reachedAt(user: UserDoc, g: RoleGrant, path: string): boolean {
  if (isWithin(g.areaPath, path)) return true;
  const home = user.homePath;
  return g.role === 'member' && !!home && isWithin(home, path) && isWithin(home, g.areaPath);
}

/**
 * Everyone holding a chosen role on a node inside `path`, and the members who live there. Grants live in
 * an array, so this reads the people holding any of the roles a page at a time and keeps those it reaches.
 */
export async function resolveRecipients(deps: Deps, path: string, roles: readonly RecipientRole[]): Promise<Recipient[]> {
  const found: Recipient[] = [];
  for await (const user of scanAll(users(deps.store), { $or: roles.map((r) => ({ roleNames: { $has: r } })) })) {
    // The recipient's most senior chosen role in the subtree names them in the tally.
    const grant = user.roles.filter((g) => (roles as readonly string[]).includes(g.role) && reachedAt(user, g, path)).sort((x, y) => ROLE_RANK[y.role] - ROLE_RANK[x.role])[0];
    if (!grant) continue;
    found.push({ user, role: grant.role as RecipientRole, grantPath: grant.areaPath });
    if (found.length > INSTRUCTION_LIMITS.maxRecipients) throw invalid('areaId', `接收人超过 ${INSTRUCTION_LIMITS.maxRecipients} 人，请缩小发送范围`);
  }
  return found;
}

/** The grid a recipient answers to: a worker's grid, a member's home grid inside their community, else the community. */
function groupOf(r: Recipient, known: Map<string, Area>): { groupId: string; groupName: string } {
  const grantIds = idsOnPath(r.grantPath);
  const homeIds = r.user.homePath?.startsWith(r.grantPath) ? idsOnPath(r.user.homePath) : grantIds;
  const ids = r.role === 'member' ? homeIds : grantIds;
  const grid = ids.map((id) => known.get(id)).find((a) => a?.level === 'grid');
  const community = ids.map((id) => known.get(id)).find((a) => a?.level === 'community');
  if (grid) return { groupId: grid._id, groupName: community ? `${community.name} · ${grid.name}` : grid.name };
  const node = community ?? known.get(grantIds[grantIds.length - 1] ?? '');
  return { groupId: node?._id ?? '', groupName: node ? `${node.name}（未分网格）` : '未分网格' };
}

export async function sendInstruction(ctx: Ctx, input: SendInstructionInput): Promise<{ id: string; recipients: number }> {
  const now = ctx.now();
  if (input.deadline <= now) throw invalid('deadline', '截止时间需晚于现在');
  if (input.deadline > now + INSTRUCTION_LIMITS.maxDeadlineDays * DAY) throw invalid('deadline', `截止时间不能超过 ${INSTRUCTION_LIMITS.maxDeadlineDays} 天后`);
  const { node } = await keptPathOf(ctx.store, input.areaId, '发送范围');
  if (!canSendInstruction(ctx.actor, node.path)) {
    throw new AppError('FORBIDDEN', '只能向您负责的区域发送指令（发送范围）', { areaId: '只能向您负责的区域发送指令' });
  }
  await checkContent(ctx, { title: input.title, text: input.text });
  const screened = await checkPhotos(ctx, 'attachment', input.attachment ? [input.attachment] : []);
  const roles = input.roles ? [...new Set(input.roles)] : [...RECIPIENT_ROLES];
  const recipients = await resolveRecipients(ctx, node.path, roles);
  if (recipients.length === 0) {
    throw invalid('roles', `${node.name}内没有${roles.map((r) => ROLE_NAMES[r]).join('、')}，无人可接收`);
  }
  // The nodes from the warm instance: the people read is the only one before the write most of the time.
  const known = await keptOnPaths(ctx.store, [node.path, ...recipients.flatMap((r) => [r.grantPath, r.user.homePath ?? ''])]);
  const doc: InstructionDoc = {
    _id: newId('i', now),
    title: input.title,
    text: input.text,
    attachment: input.attachment ?? null,
    areaId: node._id,
    path: node.path,
    areaName: node.name,
    trail: trailOf(node.path, known),
    roles,
    deadline: input.deadline,
    createdAt: now,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    total: recipients.length,
    acked: 0,
    recipients: recipients.map((r) => r.user._id),
    lastRemindedAt: null,
    remindCount: 0,
  };
  const docs: ReceiptDoc[] = recipients.map((r) => ({
    _id: receiptId(doc._id, r.user._id),
    instructionId: doc._id,
    userId: r.user._id,
    userName: r.user.name,
    role: r.role,
    ...groupOf(r, known),
    title: doc.title,
    senderName: doc.createdByName,
    areaName: doc.areaName,
    deadline: doc.deadline,
    createdAt: now,
    ackedAt: null,
    reply: null,
  }));
  const effects: Effect[] = [
    // Inserted first when the batch is applied, so the recount below sees every receipt.
    ...docs.map((d): Effect => ({ type: 'insert', collection: 'receipts', doc: d })),
    audited(ctx, { action: 'response.send', targetType: 'instruction', targetId: doc._id, areaPath: node.path, detail: { title: doc.title, roles, recipients: docs.length } }),
    notice(ctx, { to: docs.map((d) => ({ userId: d.userId })), kind: 'instruction', body: `${doc.title}（${doc.createdByName}）`, sourceId: doc._id }),
    // Each recipient's count of instructions to acknowledge (their home's 待办) is taken again.
    { type: 'recount', what: 'unacked', ids: docs.map((d) => d.userId) },
  ];
  await instructions(ctx.store).insert(withEffects(ctx, 'instructions', doc, effects));
  await screened.register({ collection: 'instructions', recordId: doc._id, targetType: 'instruction', areaPath: doc.path });
  return { id: doc._id, recipients: docs.length };
}
