/** The `areas` cloud function: the five-level tree; everyone reads it, street and community staff edit it within their subtree. */
import { addAreaInput, childrenInput, getAreaInput, retireAreaInput, searchAreasInput, updateAreaInput } from '../../shared/areas/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { addArea, retireArea, updateArea } from './edit';
import { getArea, listChildren, searchAreas } from './queries';

export const areasFunction = defineFunction('areas', {
  children: userAction(childrenInput, listChildren),
  get: userAction(getAreaInput, getArea),
  search: userAction(searchAreasInput, searchAreas),
  add: userAction(addAreaInput, addArea),
  /** The node read beside the caller. */
  update: userAction(updateAreaInput, updateArea, (i) => ({ docs: [{ collection: 'areas', id: i.id }] })),
  retire: userAction(retireAreaInput, retireArea),
});
