export default definePageConfig({ navigationBarTitleText: '一键响应', enablePullDownRefresh: true, enableShareAppMessage: true });
