export default definePageConfig({ navigationBarTitleText: '我收到的指令', enablePullDownRefresh: true });
