/** 人员与角色 (staff subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '人员与角色', enablePullDownRefresh: true });
