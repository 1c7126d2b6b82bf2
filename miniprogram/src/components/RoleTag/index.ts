export { default } from './RoleTag';
