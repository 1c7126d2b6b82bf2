export default definePageConfig({ navigationBarTitleText: '我的接单', enablePullDownRefresh: true });
