/** 民情二维码 (staff): page window settings. */
export default definePageConfig({ navigationBarTitleText: '民情二维码' });
