/** 订阅消息 consent: the build-time kind→template table, and which kinds each tap asks for (those its tapper is pushed). */
import type { MessageKind } from './schemas';

/** WeChat rejects a requestSubscribeMessage with more than 3 template ids. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/**
 * The kinds each tap asks for, most wanted first: only what the backend pushes to the tapper (notify
 * mirrors a message to the person it names, or to everyone holding a staff role on the node it names).
 * Past the first 3 distinct templates a list's tail is asked only where it shares a template.
 */
export const CONSENT = {
  /** 提交点单 (resident, or staff filing from 民情日记): the filer is told each step and a refusal. */
  fileOrder: ['claimed', 'completed', 'rejected', 'progress'],
  /** +1 我也遇到: followers are told what the filer is told, bar the refusal. */
  followOrder: ['claimed', 'completed', 'progress'],
  /** 接单 / 抢单 / 接受派单 (member): told if the order is withdrawn or moved off them, and of the next 派单. */
  holdOrder: ['released', 'dispatched'],
  /** 积分申报 (member): the 核实 outcome, and later corrections. */
  declarePoints: ['pointsVerified', 'pointsReturned', 'pointsRejected', 'pointsCorrected'],
  /** 提交报到 / 转移 (registrant): the 审核 outcome. */
  register: ['registrationApproved', 'registrationRejected'],
  /** 许心愿 (resident, or staff posting on behalf): review outcome, then 请确认 once fulfilled, then 认领. */
  postWish: ['wishPublished', 'wishRejected', 'wishDelivered', 'wishClaimed'],
  /** 认领心愿 (member or org): confirmed, or the claim lapsed. */
  claimWish: ['wishFulfilled', 'wishLapsed'],
  /** 登记圆梦 (claimant): the beneficiary's confirmation. */
  deliverWish: ['wishFulfilled'],
  /** 一键响应 收到 / 回复 (members, grid workers and leaders): the next instruction and its reminder. */
  instruction: ['instruction', 'instructionRemind'],
  /** 分拣 / 派单 / 派到抢单池 / 改派 (grid and community staff): new orders, escalations, and orders coming back to them. */
  dispatchOrder: ['newOrder', 'overdue', 'declined', 'released', 'reopened', 'handedOver'],
  /** 报到审核 通过 / 驳回 (community staff): the next application. */
  reviewRegistration: ['registrationNew'],
  /** 心愿审核 发布 (community staff): the next wish to review, then the published one claimed or lapsing. */
  reviewWish: ['wishReview', 'wishClaimed', 'wishLapsed'],
  /** 汇总上报 (grid leader): the grid's next declaration. */
  forwardPoints: ['pointsDeclared'],
  /** 核实 / 不通过 (community staff): the next declarations forwarded. */
  verifyPoints: ['pointsForwarded'],
  /** 切换为急时 (street and community staff): emergency orders waiting in the pool (sent to the street, 红's owner). */
  emergencyMode: ['emergencyOrder'],
} as const satisfies Record<string, readonly MessageKind[]>;

/** Kinds a plain (pre-kind) `WG_SUBSCRIBE_TEMPLATES` id list stands for: it was only ever asked on 提交点单. */
const PLAIN_LIST_KINDS: readonly MessageKind[] = CONSENT.fileOrder;

export interface TemplateTable {
  /** Lower-cased kind → template id, so `wishPublished=` and the server's `WISHPUBLISHED` spelling both match. */
  byKind: ReadonlyMap<string, string>;
  /** Ids given without a kind (the old format). */
  plain: readonly string[];
}

/** Parses `kind=templateId,kind=templateId`; entries without `=` are the old plain list. */
export function parseTemplates(raw: string): TemplateTable {
  const byKind = new Map<string, string>();
  const plain: string[] = [];
  for (const entry of raw.split(',')) {
    const eq = entry.indexOf('=');
    const kind = eq < 0 ? '' : entry.slice(0, eq).trim().toLowerCase();
    const id = entry.slice(eq + 1).trim();
    if (!id) continue;
    if (eq < 0) plain.push(id);
    else if (kind) byKind.set(kind, id);
  }
  return { byKind, plain };
}

/** The distinct template ids to ask for these kinds, at most 3; kinds without a template are skipped. */
export function templatesFor(table: TemplateTable, kinds: readonly MessageKind[]): string[] {
  const ids = kinds.map((k) => table.byKind.get(k.toLowerCase())).filter((id): id is string => Boolean(id));
  if (kinds.some((k) => PLAIN_LIST_KINDS.includes(k))) ids.push(...table.plain);
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_REQUEST);
}
