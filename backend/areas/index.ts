/** The `areas` cloud function: the five-level tree; everyone reads it, street and community staff edit it within their subtree or import it from a sheet. */
import { addAreaInput, childrenInput, getAreaInput, importTemplateInput, importTreeInput, retireAreaInput, searchAreasInput, updateAreaInput } from '../../shared/areas/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { addArea, retireArea, updateArea } from './edit';
import { importTemplate, importTree, previewImport } from './import';
import { getArea, listChildren, searchAreas } from './queries';

export const areasFunction = defineFunction('areas', {
  children: userAction(childrenInput, listChildren),
  get: userAction(getAreaInput, getArea),
  search: userAction(searchAreasInput, searchAreas),
  add: userAction(addAreaInput, addArea),
  /** The node read beside the caller. */
  update: userAction(updateAreaInput, updateArea, (i) => ({ docs: [{ collection: 'areas', id: i.id }] })),
  retire: userAction(retireAreaInput, retireArea),
  /** 导入网格树: the template, the preview (writes nothing) and one step of the import (the page repeats it until none remain). */
  importTemplate: userAction(importTemplateInput, importTemplate),
  previewImport: userAction(importTreeInput, previewImport),
  import: userAction(importTreeInput, importTree),
});
