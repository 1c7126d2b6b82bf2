/** The `response` function's contract (一键响应 instructions and the 平时/急时 switch): action → input and output. */
import type { Call } from '../api';
import type {
  BannerView,
  ExportedFileView,
  InboxInput,
  InstructionDetail,
  InstructionIdInput,
  InstructionPage,
  ModeStatusInput,
  ModeStatusView,
  ReceiptPage,
  ReplyInput,
  SendInstructionInput,
  SentInput,
  SwitchModeInput,
} from './schemas';
import type { CommunityMode } from './model';

type Empty = Record<string, never>;

export interface ResponseApi {
  /** 一键响应: send to every chosen recipient in the subtree; answers how many it reached. */
  send: Call<SendInstructionInput, { id: string; recipients: number }>;
  sent: Call<SentInput, InstructionPage>;
  inbox: Call<InboxInput, ReceiptPage>;
  detail: Call<InstructionIdInput, InstructionDetail>;
  /** 收到: idempotent. */
  ack: Call<InstructionIdInput, { ackedAt: number }>;
  reply: Call<ReplyInput, { ackedAt: number; repliedAt: number }>;
  /** 提醒 those who have not acknowledged; rate-limited per instruction. */
  remind: Call<InstructionIdInput, { reminded: number }>;
  export: Call<InstructionIdInput, ExportedFileView>;
  /** The home strip: open instructions and any 急时 banner of the caller's communities, in one call. */
  banner: Call<Empty, BannerView>;
  modeStatus: Call<ModeStatusInput, ModeStatusView>;
  switchMode: Call<SwitchModeInput, { mode: CommunityMode; since: number }>;
}
