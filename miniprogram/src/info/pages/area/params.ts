/** Reads the area page's query: pick mode, where to start, which levels may be chosen, title. */
import type { AreaLevel } from '@shared/areas/model';
import { AREA_LEVELS } from '@shared/areas/model';
import { decodeUriOrSame } from '@shared/uri';

export interface AreaPageParams {
  pick: boolean;
  startId?: string;
  levels: readonly AreaLevel[];
  title?: string;
}

function isLevel(value: string): value is AreaLevel {
  return (AREA_LEVELS as readonly string[]).includes(value);
}

/** Query values may arrive encoded (weapp) or already decoded (h5). */
function decode(value?: string): string | undefined {
  return value ? decodeUriOrSame(value) : undefined;
}

export function readParams(params: Partial<Record<string, string>>): AreaPageParams {
  const levels = (decode(params.levels) ?? '').split(',').filter(isLevel);
  return {
    pick: params.mode === 'pick',
    startId: decode(params.startId),
    levels: levels.length ? levels : AREA_LEVELS,
    title: decode(params.title),
  };
}
