/** CloudBase function `duties`: 职责清单 upkeep (职责事项, 协助事项, 负面事项 per street and community). */
import { dutiesFunction } from '../../backend/duties';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(dutiesFunction);
