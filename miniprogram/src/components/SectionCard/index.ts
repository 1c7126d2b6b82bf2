export { default } from './SectionCard';
