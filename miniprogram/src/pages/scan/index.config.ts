/** 扫码: page window settings. */
export default definePageConfig({ navigationBarTitleText: '民情二维码' });
