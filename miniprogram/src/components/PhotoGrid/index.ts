export { default } from './PhotoGrid';
