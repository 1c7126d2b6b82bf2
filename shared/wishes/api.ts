/** The `wishes` function's contract (微心愿: post, staff review, the community board, claim, fulfil, confirm): action → input and output. */
import type { Call } from '../api';
import type {
  ApproveInput,
  BoardInput,
  BoardView,
  ClaimWishInput,
  DeliverInput,
  MineInput,
  PostWishInput,
  RejectWishInput,
  ReviewListInput,
  RulesInput,
  SetRulesInput,
  WishDetail,
  WishIdInput,
  WishMoved,
  WishPage,
  WishRulesView,
} from './schemas';

type Empty = Record<string, never>;

export interface WishesApi {
  /** 许个心愿: a resident for themselves, or community staff for an elderly resident. */
  post: Call<PostWishInput, { id: string }>;
  /** 心愿墙: a community's published wishes (public view), and how many it fulfilled this year. */
  board: Call<BoardInput, BoardView>;
  detail: Call<WishIdInput, WishDetail>;
  /** 我的心愿: ones I posted, or ones I claimed. */
  mine: Call<MineInput, WishPage>;
  /** 心愿审核 list: wishes in the staff member's communities, by status. */
  review: Call<ReviewListInput, WishPage>;
  approve: Call<ApproveInput, WishMoved>;
  reject: Call<RejectWishInput, WishMoved>;
  claim: Call<ClaimWishInput, WishMoved>;
  /** The claimant marks it fulfilled (photo and note). */
  deliver: Call<DeliverInput, WishMoved>;
  /** The beneficiary or staff confirm; points go to the claimant once. */
  confirm: Call<WishIdInput, WishMoved>;
  rules: Call<RulesInput, WishRulesView>;
  setRules: Call<SetRulesInput, WishRulesView>;
  /** Timer: claims past their deadline lapse back to the board. */
  lapse: Call<Empty, { lapsed: number }>;
}
