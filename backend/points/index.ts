/** The `points` function (积分): my ledger and rank, corrections, per-community rules, 申报 → 汇总 → 核实, rankings, duty check, export. */
import * as s from '../../shared/points/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { correctEntry, theEntry } from './correct';
import { declareService } from './declare';
import { dutyCheck, exportYear } from './duty';
import { gridQueue, myDeclarations, verifyQueue } from './queues';
import { forwardDeclarations, rejectDeclaration, sendBackDeclaration, verifyDeclaration } from './review';
import { readRules, setRules } from './rulesAdmin';
import { theDeclaration } from './transition';
import { gridRanking, memberRanking, myPoints, orgRanking } from './views';

export const pointsFunction = defineFunction('points', {
  mine: userAction(s.myPointsInput, myPoints),
  correct: userAction(s.correctInput, correctEntry, theEntry),
  rules: userAction(s.rulesInput, readRules),
  setRules: userAction(s.setRulesInput, setRules),
  declare: userAction(s.declareInput, declareService),
  myDeclarations: userAction(s.myDeclarationsInput, myDeclarations),
  gridQueue: userAction(s.gridQueueInput, gridQueue),
  forward: userAction(s.forwardInput, forwardDeclarations),
  sendBack: userAction(s.sendBackInput, sendBackDeclaration, theDeclaration),
  verifyQueue: userAction(s.verifyQueueInput, verifyQueue),
  verify: userAction(s.verifyInput, verifyDeclaration, theDeclaration),
  reject: userAction(s.rejectDeclarationInput, rejectDeclaration, theDeclaration),
  memberRanking: userAction(s.memberRankingInput, memberRanking),
  orgRanking: userAction(s.areaRankingInput, orgRanking),
  gridRanking: userAction(s.areaRankingInput, gridRanking),
  duty: userAction(s.dutyInput, dutyCheck),
  exportYear: userAction(s.exportInput, exportYear),
});
