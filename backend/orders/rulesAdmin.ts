/** 时限规则 of a community: staff read them; community or street staff change one colour at a time (audited, later 分拣 only). */
import type { Area } from '../../shared/areas/model';
import { calendarGap } from '../../shared/calendar/workdays';
import { AppError, invalid } from '../../shared/errors';
import type { Colour, ColourRule } from '../../shared/orders/model';
import { COLOURS, COLOUR_NAMES, DAY_COUNT_NAMES } from '../../shared/orders/model';
import { canEditOrderRules, canViewOrderRules } from '../../shared/orders/permissions';
import type { OrderRulesInput, OrderRulesView, SetColourRuleInput } from '../../shared/orders/schemas';
import { keptPathOf } from '../areas/repo';
import { ownCommunityId } from '../points/community';
import { recordAudit } from '../audit/record';
import type { Ctx } from '../runtime/types';
import { forget, warm } from '../runtime/warm';
import type { RulesDoc } from './rules';
import { keptRules, RULES_KEPT, ruleIn } from './rules';

async function requireCommunity(ctx: Ctx, asked: string | undefined): Promise<Area> {
  const id = asked ?? (await ownCommunityId(ctx));
  if (!id) throw invalid('communityId', '请选择社区');
  const { node } = await keptPathOf(ctx.store, id, '社区');
  if (node.level !== 'community') throw invalid('communityId', '请选择一个社区');
  return node;
}

function view(ctx: Ctx, community: Area, doc: RulesDoc | null): OrderRulesView {
  const colours = Object.fromEntries(COLOURS.map((c) => [c, ruleIn(doc, c)])) as Record<Colour, ColourRule>;
  return {
    communityId: community._id,
    communityName: community.name,
    colours,
    isDefault: !doc?.colours,
    canEdit: canEditOrderRules(ctx.actor, community.path),
    calendarGap: calendarGap(ctx.now()),
  };
}

export async function readOrderRules(ctx: Ctx, input: OrderRulesInput): Promise<OrderRulesView> {
  const community = await requireCommunity(ctx, input.communityId);
  if (!canViewOrderRules(ctx.actor, community.path)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以查看时限规则');
  const doc = await ctx.store.collection<RulesDoc>('community_rules').get(community._id);
  return view(ctx, community, doc);
}

export async function setColourRule(ctx: Ctx, input: SetColourRuleInput): Promise<OrderRulesView> {
  const community = await requireCommunity(ctx, input.communityId);
  if (!canEditOrderRules(ctx.actor, community.path)) throw new AppError('FORBIDDEN', '只有本社区或街道的工作人员可以修改时限规则');
  if (input.resolveHours < input.respondHours) throw invalid('resolveHours', '办结时限不能短于响应时限');
  const rule: ColourRule = { respondHours: input.respondHours, resolveHours: input.resolveHours, days: input.days };
  const col = ctx.store.collection<RulesDoc>('community_rules');
  // The warm copy (usually no read): it picks insert or update, and fills the other colours of the answer.
  const before = await keptRules(ctx, community._id);
  const stamp = { updatedAt: ctx.now(), updatedBy: ctx.actor.userId };
  // One colour's fields only, so two staff saving different colours at once both keep their change.
  const set = { [`colours.${input.colour}`]: rule, ...stamp };
  // A stale "none yet" only costs the insert that fails; documents are never deleted, so "exists" is never stale.
  // Known whole when the kept copy had the document or our insert made it; not when another save made it first.
  let known = true;
  if (before?.colours) await col.updateWhere({ _id: community._id }, { $set: set });
  else if (!(await col.insertIfAbsent({ _id: community._id, colours: { [input.colour]: rule }, ...stamp }))) {
    await col.updateWhere({ _id: community._id }, { $set: set });
    known = false;
  }
  const after: RulesDoc = { ...before, _id: community._id, colours: { ...before?.colours, [input.colour]: rule }, ...stamp };
  forget(ctx.store, `${RULES_KEPT}${community._id}`);
  // This instance keeps what it wrote (the stored colours with this one changed): the next save reads nothing either.
  if (known) void warm(ctx.store, `${RULES_KEPT}${community._id}`, () => Promise.resolve(after));
  const said = `${COLOUR_NAMES[input.colour]}色：${rule.respondHours} 小时响应，${rule.resolveHours} 小时办结，按${DAY_COUNT_NAMES[rule.days]}`;
  await recordAudit(ctx, { action: 'orders.setRule', targetType: 'community', targetId: community._id, areaPath: community.path, detail: { colour: input.colour, ...rule, said } });
  return view(ctx, community, after);
}
