/** CloudBase function `diary`: 民情日记: grid workers' visits, and a finding turned into an order. */
import { diaryFunction } from '../../backend/diary';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(diaryFunction);
