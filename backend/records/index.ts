/** The `effects` cloud function: apply named records' pending effects now, and the one-minute drain timer. */
import * as s from '../../shared/records/schemas';
import { callerAction, defineFunction, systemAction } from '../runtime/define';
import { drainDue, drainRefs } from './drain';
import { applyMembership } from '../members/membership';
import { applyPeople } from '../users/after';
import { applyRehome } from '../areas/rehome';
import { creditOrder } from '../orders/credit';
import { carry } from './carried';

// The one function that carries every applier, also the ones too heavy for the others' bundles.
carry({ membership: applyMembership, people: applyPeople, rehome: applyRehome, orderCredit: (deps, e) => creditOrder(deps, e.order, e.stars) });

export const effectsFunction = defineFunction('effects', {
  // Anyone with a verified identity may ask, and who it is is never read: the effects were decided by the move that wrote
  // them, applying them early changes nothing else.
  drain: callerAction(s.drainInput, (ctx, input) => drainRefs(ctx, input.refs)),
  sweep: systemAction(s.sweepEffectsInput, (ctx) => drainDue(ctx)),
});
