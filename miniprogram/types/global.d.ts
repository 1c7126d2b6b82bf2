/** Ambient types for the Taro app: asset modules, build-time constants, the env Taro injects. */
/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** CloudBase env id baked in at build time; empty → Taro.cloud.DYNAMIC_CURRENT_ENV. */
declare const WG_CLOUD_ENV: string;
/** HTTP gateway origin for h5; empty → same origin. */
declare const WG_API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
  }
}
/** Subscribe-message templates, `kind=templateId,…` (build time; see shared/notifications/consent.ts). */
declare const WG_SUBSCRIBE_TEMPLATES: string;
