export { default } from './PhoneCall';
