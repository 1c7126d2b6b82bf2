/** 邀请人员 (staff subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '邀请人员' });
