export { default } from './OrderCard';
