export { default, FormField } from './FormPopup';
