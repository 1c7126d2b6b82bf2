export default definePageConfig({ navigationBarTitleText: '积分汇总', enablePullDownRefresh: true });
