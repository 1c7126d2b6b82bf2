/** The `points` function's contract (积分: ledger, corrections, rules, 申报 → 汇总 → 核实, rankings, duty check): action → input and output. */
import type { Call } from '../api';
import type { Page } from '../users/schemas';
import type {
  AreaRankRow,
  AreaRankingInput,
  BatchResult,
  CorrectInput,
  CorrectionView,
  DeclarationMove,
  DeclarationView,
  DeclareInput,
  DutyInput,
  DutyView,
  ExportInput,
  ExportView,
  ForwardInput,
  GridQueueInput,
  MemberRankRow,
  MemberRankingInput,
  MyDeclarationsInput,
  MyPointsInput,
  MyPointsView,
  RejectDeclarationInput,
  RulesInput,
  RulesView,
  SendBackInput,
  SetRulesInput,
  VerifyInput,
  VerifyQueueInput,
} from './schemas';

export interface PointsApi {
  mine: Call<MyPointsInput, MyPointsView>;
  correct: Call<CorrectInput, CorrectionView>;
  rules: Call<RulesInput, RulesView>;
  setRules: Call<SetRulesInput, RulesView>;
  declare: Call<DeclareInput, DeclarationMove>;
  myDeclarations: Call<MyDeclarationsInput, Page<DeclarationView>>;
  gridQueue: Call<GridQueueInput, Page<DeclarationView> & { gridName: string }>;
  forward: Call<ForwardInput, BatchResult>;
  sendBack: Call<SendBackInput, DeclarationMove>;
  verifyQueue: Call<VerifyQueueInput, Page<DeclarationView> & { communityName: string }>;
  verify: Call<VerifyInput, DeclarationMove & { points: number }>;
  reject: Call<RejectDeclarationInput, DeclarationMove>;
  memberRanking: Call<MemberRankingInput, Page<MemberRankRow> & { year: number; areaName: string }>;
  orgRanking: Call<AreaRankingInput, Page<AreaRankRow> & { year: number; communityName: string }>;
  gridRanking: Call<AreaRankingInput, Page<AreaRankRow> & { year: number; communityName: string }>;
  duty: Call<DutyInput, DutyView>;
  exportYear: Call<ExportInput, ExportView>;
}
