/** The `wishes` cloud function: 微心愿: post, staff review, the community board, claim, fulfil, confirm, and the lapse timer. */
import * as s from '../../shared/wishes/schemas';
import { defineFunction, systemAction, userAction } from '../runtime/define';
import { board, myWishes, wishDetail } from './board';
import { claimWish, confirmWish, deliverWish } from './claim';
import { lapseClaims } from './lapse';
import { postWish } from './post';
import { approveWish, rejectWish, reviewList } from './review';
import { getRules, setRules } from './rules';
import { theWish } from './transition';

export const wishesFunction = defineFunction('wishes', {
  post: userAction(s.postWishInput, postWish),
  board: userAction(s.boardInput, board),
  detail: userAction(s.wishIdInput, wishDetail, theWish),
  mine: userAction(s.mineInput, myWishes),
  review: userAction(s.reviewListInput, reviewList),
  approve: userAction(s.approveInput, approveWish, theWish),
  reject: userAction(s.rejectWishInput, rejectWish, theWish),
  claim: userAction(s.claimWishInput, claimWish, theWish),
  deliver: userAction(s.deliverInput, deliverWish, theWish),
  confirm: userAction(s.wishIdInput, confirmWish, theWish),
  rules: userAction(s.rulesInput, getRules),
  setRules: userAction(s.setRulesInput, setRules),
  lapse: systemAction(s.lapseInput, lapseClaims),
});
