/** CloudBase function `effects`: applies what moves caused (audit, messages, counters, points); its timer drains every minute. */
import { effectsFunction } from '../../backend/records';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(effectsFunction, 'sweep');
