export { default } from './OrderList';
