/** 长辈模式: one switch per person, kept on the user record so every device sees it after `users.me`. */
import type { SetElderModeInput } from '../../shared/users/schemas';
import type { Ctx } from '../runtime/types';
import { users } from './repo';

export async function setElderMode(ctx: Ctx, input: SetElderModeInput): Promise<{ elderMode: boolean }> {
  await users(ctx.store).updateWhere({ _id: ctx.actor.userId }, { $set: { elderMode: input.on } });
  return { elderMode: input.on };
}
