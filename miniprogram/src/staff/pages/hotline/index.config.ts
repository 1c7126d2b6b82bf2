/** 12345 工单 (staff subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '12345 工单' });
