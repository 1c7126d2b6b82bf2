export default definePageConfig({ navigationBarTitleText: '接单单位', enablePullDownRefresh: true });
