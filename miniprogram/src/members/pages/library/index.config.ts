export default definePageConfig({ navigationBarTitleText: '在职党员信息库', enablePullDownRefresh: true });
