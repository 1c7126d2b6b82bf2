/** The `response` cloud function: 一键响应 instructions and the 平时/急时 switch. */
import * as s from '../../shared/response/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { modeStatus, switchMode } from './mode';
import { ackInstruction, banner, inbox, replyInstruction } from './recipient';
import { sendInstruction } from './send';
import { exportReplies, instructionDetail, remindInstruction, remindPrefetch, sentInstructions } from './sender';

export const responseFunction = defineFunction('response', {
  send: userAction(s.sendInstructionInput, sendInstruction),
  sent: userAction(s.sentInput, sentInstructions),
  inbox: userAction(s.inboxInput, inbox),
  detail: userAction(s.instructionIdInput, instructionDetail),
  ack: userAction(s.instructionIdInput, ackInstruction),
  reply: userAction(s.replyInput, replyInstruction),
  remind: userAction(s.instructionIdInput, remindInstruction, remindPrefetch),
  export: userAction(s.instructionIdInput, exportReplies),
  banner: userAction(s.bannerInput, banner),
  modeStatus: userAction(s.modeStatusInput, modeStatus),
  switchMode: userAction(s.switchModeInput, switchMode),
});
