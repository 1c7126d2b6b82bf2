export { default } from './ResponseStrip';
