/** 接受邀请 (invite subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '接受邀请' });
