/** CloudBase function `effects`: applies what moves caused (audit, messages, counters, points); its timer drains every minute. */
import { effectsFunction } from '../../backend/records';
import { cloudSubscribe } from '../../backend/ports/cloudSubscribe';
import { cloudMain } from '../../backend/runtime/cloud';

// It applies effects, so it pushes the subscribe messages they carry.
export const main = cloudMain(effectsFunction, 'sweep', {}, (app, openidOf) => ({ subscribe: cloudSubscribe(app, openidOf) }));
