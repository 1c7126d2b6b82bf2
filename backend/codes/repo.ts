/** The `codes` collections and their declared indexes. */
import type { IndexSpec } from '../store/port';

export const INDEXES: Record<string, IndexSpec[]> = {};
