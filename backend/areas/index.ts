/** The `areas` cloud function: the five-level tree, read side. */
import { childrenInput, getAreaInput, searchAreasInput } from '../../shared/areas/schemas';
import { defineFunction, userAction } from '../runtime/define';
import { getArea, listChildren, searchAreas } from './queries';

export const areasFunction = defineFunction('areas', {
  children: userAction(childrenInput, listChildren),
  get: userAction(getAreaInput, getArea),
  search: userAction(searchAreasInput, searchAreas),
});
