/** The `effects` cloud function: apply named records' pending effects now, and the one-minute drain timer. */
import * as s from '../../shared/records/schemas';
import { defineFunction, systemAction, userAction } from '../runtime/define';
import { drainDue, drainRefs } from './drain';
import { applyMembership } from '../members/membership';
import { carryMembership } from './apply';

// The one function that carries every applier, also the ones too heavy for the others' bundles.
carryMembership(applyMembership);

export const effectsFunction = defineFunction('effects', {
  // Anyone signed in may ask: the effects were decided by the move that wrote them, applying them early changes nothing else.
  drain: userAction(s.drainInput, (ctx, input) => drainRefs(ctx, input.refs)),
  sweep: systemAction(s.sweepEffectsInput, (ctx) => drainDue(ctx)),
});
