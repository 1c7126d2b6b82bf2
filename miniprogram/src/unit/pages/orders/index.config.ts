export default definePageConfig({ navigationBarTitleText: '单位接单', enablePullDownRefresh: true });
