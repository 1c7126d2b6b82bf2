/** 生成民情二维码: the code for a node or an activity, the same content however often it is made. */
import type { ForActivityInput, ForNodeInput, CodeView } from '../../shared/codes/schemas';
import type { CodeTarget } from '../ports/types';
import type { Ctx, Deps } from '../runtime/types';
import { keptOnPath } from '../areas/levels';
import { codeTarget, placeNames, requireManagedActivity, requireManagedNode } from './targets';

export async function renderCode(deps: Deps, target: CodeTarget, title: string): Promise<CodeView & { png: Buffer }> {
  const made = await deps.ports.codes.make(target);
  const mime = made.image[0] === 0xff ? 'image/jpeg' : 'image/png';
  return {
    kind: made.kind,
    content: made.content,
    scene: target.scene,
    page: target.page,
    image: `data:${mime};base64,${made.image.toString('base64')}`,
    title,
    png: made.image,
  };
}

function withoutBytes({ png: _png, ...view }: CodeView & { png: Buffer }): CodeView {
  return view;
}

export async function codeForNode(ctx: Ctx, input: ForNodeInput): Promise<CodeView> {
  const node = await requireManagedNode(ctx, input.areaId);
  const known = await keptOnPath(ctx.store, node.path);
  const title = placeNames(node, known).join(' / ');
  return { ...withoutBytes(await renderCode(ctx, codeTarget({ kind: 'node', id: node._id }, node.level), title)), level: node.level };
}

export async function codeForActivity(ctx: Ctx, input: ForActivityInput): Promise<CodeView> {
  const activity = await requireManagedActivity(ctx, input.activityId);
  return withoutBytes(await renderCode(ctx, codeTarget({ kind: 'activity', id: activity._id }), activity.title));
}
