/** 积分规则 pages: read a community's rules; community staff change them (audited, only later credits see it). */
import type { RulesInput, RulesView, SetRulesInput } from '../../shared/points/schemas';
import { canViewCommunity, isPointsStaffAt } from '../../shared/points/permissions';
import { recordAudit } from '../audit/record';
import type { Ctx } from '../runtime/types';
import { users } from '../users/repo';
import { requireCommunity } from './community';
import type { PointsRulesDoc } from './rules';
import { POINTS_RULES, RULES_KEPT, pointsRules, rulesDoc } from './rules';
import { forget } from '../runtime/warm';

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
  const before = await pointsRules(ctx, community._id);
  const { communityId, ...rules } = input;
  const doc: PointsRulesDoc = { _id: communityId, ...rules, updatedAt: ctx.now(), updatedBy: ctx.actor.userId };
  const col = ctx.store.collection<PointsRulesDoc>(POINTS_RULES);
  // The whole rule set is replaced: first save inserts, later saves overwrite every field.
  if (!(await col.insertIfAbsent(doc))) await col.updateWhere({ _id: communityId }, { $set: { ...rules, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy } });
  forget(ctx.store, `${RULES_KEPT}${communityId}`);
  await recordAudit(ctx, { action: 'points.setRules', targetType: 'community', targetId: communityId, areaPath: community.path, detail: { before, after: rules } });
  return { communityId, communityName: community.name, rules, isDefault: false, updatedAt: doc.updatedAt, updatedByName: ctx.actor.name, canEdit: true };
}
