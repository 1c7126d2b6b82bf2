export { default } from './TabBar';
export type { TabItem } from './TabBar';
