/** CloudBase function `codes`: 民情二维码: stable codes per node or activity, scene resolution, printable posters. */
import { codesFunction } from '../../backend/codes';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(codesFunction);
