/** CloudBase function `hotline`: 12345 工单 import, 待定位 queue, placing, column mapping and export. */
import { hotlineFunction } from '../../backend/hotline';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(hotlineFunction);
