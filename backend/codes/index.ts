/** The `codes` cloud function: 民情二维码: stable codes per node or activity, scene resolution, printable posters. */
import { forActivityInput, forNodeInput, posterForGridInput, posterInput, resolveInput } from '../../shared/codes/schemas';
import { defineFunction, guestAction, userAction } from '../runtime/define';
import { codeForActivity, codeForNode } from './make';
import { posterForGrid, posterForNode } from './posters';
import { resolveScene } from './resolve';

export const codesFunction = defineFunction('codes', {
  forNode: userAction(forNodeInput, codeForNode),
  forActivity: userAction(forActivityInput, codeForActivity),
  /** Anyone who scanned, even before registering, may learn where a code leads. */
  resolve: guestAction(resolveInput, resolveScene),
  poster: userAction(posterInput, posterForNode),
  posterForGrid: userAction(posterForGridInput, posterForGrid),
});
