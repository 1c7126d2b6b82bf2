export { default } from './PrivacyConsent';
