/** 我的报到社区 (member subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '我的报到社区', enablePullDownRefresh: true });
