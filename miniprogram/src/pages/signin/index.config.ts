/** 开发登录: page window settings. */
export default definePageConfig({ navigationBarTitleText: '开发登录', enablePullDownRefresh: true });
