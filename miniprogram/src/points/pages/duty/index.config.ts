export default definePageConfig({ navigationBarTitleText: '年度履责', enablePullDownRefresh: true });
