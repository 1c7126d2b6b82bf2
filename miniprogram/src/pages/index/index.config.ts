/** 首页: page window settings. */
export default definePageConfig({ navigationBarTitleText: '网格连心', enablePullDownRefresh: true });
