export { default } from './StatusView';
