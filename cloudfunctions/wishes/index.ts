/** CloudBase function `wishes`: 微心愿: post, staff review, the community board, claim, fulfil, confirm; its timer trigger lapses overdue claims. */
import { wishesFunction } from '../../backend/wishes';
import { cloudSubscribe } from '../../backend/ports/cloudSubscribe';
import { cloudMain } from '../../backend/runtime/cloud';

// It applies effects, so it pushes the subscribe messages they carry.
export const main = cloudMain(wishesFunction, 'lapse', {}, (app, openidOf) => ({ subscribe: cloudSubscribe(app, openidOf) }));
