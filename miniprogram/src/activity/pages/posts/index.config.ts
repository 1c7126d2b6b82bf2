export default definePageConfig({ navigationBarTitleText: '志愿服务岗', enablePullDownRefresh: true });
