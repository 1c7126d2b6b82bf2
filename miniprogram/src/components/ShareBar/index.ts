export { default, useShareCard } from './ShareBar';
