export default definePageConfig({ navigationBarTitleText: '报到单位', enablePullDownRefresh: true });
