/** The `areas` cloud function: the area tree (街镇…微网格…楼栋); everyone reads it, street and community staff edit it within their subtree or import it from a sheet. */
import {
  addAreaInput,
  childrenInput,
  getAreaInput,
  importTemplateInput,
  importTreeInput,
  moveAreaInput,
  retireAreaInput,
  searchAreasInput,
  updateAreaInput,
} from '../../shared/areas/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { addArea, moveArea, retireArea, updateArea } from './edit';
import { importTemplate, importTree, previewImport } from './import';
import { getArea, listChildren, searchAreas } from './queries';

export const areasFunction = defineFunction('areas', {
  children: userAction(childrenInput, listChildren),
  get: userAction(getAreaInput, getArea),
  search: userAction(searchAreasInput, searchAreas),
  add: userAction(addAreaInput, addArea),
  /** The node from the warm instance (backend/areas/edit.ts). */
  update: userAction(updateAreaInput, updateArea),
  move: userAction(moveAreaInput, moveArea),
  retire: userAction(retireAreaInput, retireArea),
  /** 导入网格树: the template, the preview (writes nothing) and one step of the import (the page repeats it until none remain). */
  importTemplate: userAction(importTemplateInput, importTemplate),
  previewImport: userAction(importTreeInput, previewImport),
  import: userAction(importTreeInput, importTree),
});
