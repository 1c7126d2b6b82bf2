export { default } from './PhotoPicker';
export type { PickedPhoto } from './upload';
