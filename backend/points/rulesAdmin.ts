/** 积分规则 pages: read a community's rules; community staff change them (audited, only later credits see it). */
import type { RulesInput, RulesView, SetRulesInput } from '../../shared/points/schemas';
import { AppError } from '../../shared/errors';
import { canViewCommunity, isPointsStaffAt } from '../../shared/points/permissions';
import { recordAudit } from '../audit/record';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';
import { requireCommunity } from './community';
import type { PointsRules, PointsRulesDoc } from './rules';
import { POINTS_RULES, RULES_DOC_KEPT, RULES_KEPT, keptRulesDoc, pointsRules, rulesDoc, rulesOf } from './rules';
import { forget, warm } from '../runtime/warm';

export async function readRules(ctx: Ctx, input: RulesInput): Promise<RulesView> {
  const community = await requireCommunity(ctx, input.communityId, (p) => canViewCommunity(ctx.actor, p));
  const [rules, doc] = await Promise.all([pointsRules(ctx, community._id), rulesDoc(ctx, community._id)]);
  const by = doc ? await users(ctx.store).get(doc.updatedBy) : null;
  return {
    communityId: community._id,
    communityName: community.name,
    rules,
    isDefault: !doc,
    updatedAt: doc?.updatedAt ?? null,
    updatedByName: by?.name ?? null,
    canEdit: isPointsStaffAt(ctx.actor, community.path),
  };
}

export async function setRules(ctx: Ctx, input: SetRulesInput): Promise<RulesView> {
  const community = await requireCommunity(ctx, input.communityId, (p) => isPointsStaffAt(ctx.actor, p));
  const { communityId, ...rules } = input;
  const stamp = { updatedAt: ctx.now(), updatedBy: ctx.actor.userId };
  // The warm copy (usually no read) is the "before" of the audit: the write is conditional on it still being the stored
  // one, so a stale copy misses and only then are the rules read fresh and the save tried once more.
  let before = await keptRulesDoc(ctx, communityId);
  let saved = await saveOver(ctx, before, communityId, rules, stamp);
  if (!saved) {
    before = await rulesDoc(ctx, communityId);
    saved = await saveOver(ctx, before, communityId, rules, stamp);
  }
  if (!saved) throw new AppError('CONFLICT', '积分规则刚被别人修改，请刷新后再保存');
  forget(ctx.store, `${RULES_KEPT}${communityId}`);
  forget(ctx.store, `${RULES_DOC_KEPT}${communityId}`);
  // This instance keeps what it wrote, so its next save reads nothing either.
  void warm(ctx.store, `${RULES_DOC_KEPT}${communityId}`, () => Promise.resolve(saved));
  await recordAudit(ctx, {
    action: 'points.setRules',
    targetType: 'community',
    targetId: communityId,
    areaPath: community.path,
    detail: { before: rulesOf(before), after: rules },
  });
  return { communityId, communityName: community.name, rules, isDefault: false, updatedAt: stamp.updatedAt, updatedByName: ctx.actor.name, canEdit: true };
}

/**
 * Replaces the whole rule set if the stored document is still `before` (by its `rev`; a document saved before `rev`
 * existed by its `updatedAt`), or makes it when `before` says there is none. The document written, or null on a miss.
 */
async function saveOver(
  ctx: Ctx,
  before: PointsRulesDoc | null,
  communityId: string,
  rules: PointsRules,
  stamp: Pick<PointsRulesDoc, 'updatedAt' | 'updatedBy'>,
): Promise<PointsRulesDoc | null> {
  const col = ctx.store.collection<PointsRulesDoc>(POINTS_RULES);
  const doc: PointsRulesDoc = { _id: communityId, ...rules, ...stamp, rev: (before?.rev ?? 0) + 1 };
  if (!before) return (await col.insertIfAbsent(doc)) ? doc : null;
  const same = before.rev !== undefined ? { rev: before.rev } : { updatedAt: before.updatedAt };
  const { _id, ...fields } = doc;
  return (await col.updateWhere({ _id, ...same }, { $set: fields })) === 1 ? doc : null;
}
