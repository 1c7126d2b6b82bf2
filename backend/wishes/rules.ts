/** 心愿规则 per community: the value cap and the claim period, data in `wish_rules` that community staff edit. */
import type { Area } from '../../shared/areas/model';
import { AppError } from '../../shared/errors';
import type { WishRules } from '../../shared/wishes/model';
import { DEFAULT_WISH_RULES } from '../../shared/wishes/model';
import { canEditWishRules } from '../../shared/wishes/permissions';
import type { RulesInput, SetRulesInput, WishRulesView } from '../../shared/wishes/schemas';
import { recordAudit } from '../audit/record';
import type { Ctx, Deps } from '../runtime/types';
import { forget, warm } from '../runtime/warm';
import { requireCommunity, viewerCommunity } from './place';
import { wishRulesDocs } from './repo';

/** Warm-cache keys of the rules (backend/runtime/warm.ts); a change through this instance forgets its key. */
const KEPT = 'wish_rules/';

/** The rules in force now for a community (by its area id), as a warm instance keeps them (at most WARM_TTL_MS old). */
export async function wishRules(deps: Pick<Deps, 'store'>, communityId: string): Promise<WishRules> {
  const doc = await warm(deps.store, `${KEPT}${communityId}`, () => wishRulesDocs(deps.store).get(communityId));
  return {
    valueCap: doc?.valueCap ?? DEFAULT_WISH_RULES.valueCap,
    claimDays: doc?.claimDays ?? DEFAULT_WISH_RULES.claimDays,
  };
}

function view(ctx: Ctx, community: Area, rules: WishRules): WishRulesView {
  return { communityId: community._id, communityName: community.name, ...rules, canEdit: canEditWishRules(ctx.actor, community.path) };
}

export async function getRules(ctx: Ctx, input: RulesInput): Promise<WishRulesView> {
  const community = input.communityId ? await requireCommunity(ctx, input.communityId) : await viewerCommunity(ctx);
  return view(ctx, community, await wishRules(ctx, community._id));
}

/** Staff of the community set both numbers; the change applies to wishes posted and claimed afterwards. */
export async function setRules(ctx: Ctx, input: SetRulesInput): Promise<WishRulesView> {
  const community = await requireCommunity(ctx, input.communityId);
  if (!canEditWishRules(ctx.actor, community.path)) throw new AppError('FORBIDDEN', '只有本社区工作人员可以修改心愿规则');
  const rules: WishRules = { valueCap: input.valueCap, claimDays: input.claimDays };
  const stamp = { updatedAt: ctx.now(), updatedBy: ctx.actor.userId };
  const docs = wishRulesDocs(ctx.store);
  // Update first; create on the first change; a racing creator means one more update settles it.
  if ((await docs.updateWhere({ _id: community._id }, { $set: { ...rules, ...stamp } })) === 0 && !(await docs.insertIfAbsent({ _id: community._id, ...rules, ...stamp }))) {
    await docs.updateWhere({ _id: community._id }, { $set: { ...rules, ...stamp } });
  }
  forget(ctx.store, `${KEPT}${community._id}`);
  await recordAudit(ctx, { action: 'wishes.setRules', targetType: 'community', targetId: community._id, areaPath: community.path, detail: { ...rules } });
  return view(ctx, community, rules);
}
