export { default } from './FieldError';
