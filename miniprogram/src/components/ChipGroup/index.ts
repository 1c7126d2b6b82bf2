export { default, chipsOf } from './ChipGroup';
export type { Chip } from './ChipGroup';
