/** CloudBase function `wishes`: 微心愿: post, staff review, the community board, claim, fulfil, confirm; its timer trigger lapses overdue claims. */
import { wishesFunction } from '../../backend/wishes';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(wishesFunction, 'lapse');
