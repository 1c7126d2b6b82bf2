/** The `codes` cloud function: 民情二维码: stable codes per node or activity, scene resolution, printable posters. */
import { defineFunction } from '../runtime/define';

export const codesFunction = defineFunction('codes', {});
