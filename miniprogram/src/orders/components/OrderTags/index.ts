export { default } from './OrderTags';
