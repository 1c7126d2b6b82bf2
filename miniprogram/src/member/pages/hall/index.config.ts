export default definePageConfig({ navigationBarTitleText: '接单大厅', enablePullDownRefresh: true });
