/** The `hotline` cloud function: 12345 工单 import, queue, placing, mapping and export (apart from `orders`, whose bundle is at its 300 KB limit). */
import * as s from '../../shared/orders/hotlineApi';
import { defineFunction, userAction } from '../runtime/define';
import { importHotline, previewHotline, uploadPart } from './import';
import { exportHotline, placeTicket, queue, readMapping, setMapping } from './manage';

export const hotlineFunction = defineFunction('hotline', {
  upload: userAction(s.uploadPartInput, uploadPart),
  preview: userAction(s.hotlinePreviewInput, previewHotline),
  import: userAction(s.hotlineImportInput, importHotline),
  mapping: userAction(s.hotlineAreaInput, readMapping),
  setMapping: userAction(s.setMappingInput, setMapping),
  queue: userAction(s.hotlineAreaInput, queue),
  place: userAction(s.placeTicketInput, placeTicket),
  export: userAction(s.hotlineExportInput, exportHotline),
});
