export { default } from './EmptyState';
