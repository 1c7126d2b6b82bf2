/** The `wishes` cloud function: 微心愿: post, staff review, the community board, claim, fulfil, confirm. */
import { defineFunction } from '../runtime/define';

export const wishesFunction = defineFunction('wishes', {});
