export default definePageConfig({ navigationBarTitleText: '志愿服务管理', enablePullDownRefresh: true });
