export { default } from './AreaTrail';
