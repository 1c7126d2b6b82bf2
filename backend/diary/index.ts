/** The `diary` cloud function: 民情日记: grid workers' visits, and a finding turned into an order. */
import { defineFunction } from '../runtime/define';

export const diaryFunction = defineFunction('diary', {});
