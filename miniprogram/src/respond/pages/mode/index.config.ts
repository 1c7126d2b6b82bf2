export default definePageConfig({ navigationBarTitleText: '平时/急时', enablePullDownRefresh: true });
