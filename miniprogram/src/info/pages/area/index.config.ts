/** 选择区域: page window settings. */
export default definePageConfig({ navigationBarTitleText: '选择区域', enablePullDownRefresh: true });
