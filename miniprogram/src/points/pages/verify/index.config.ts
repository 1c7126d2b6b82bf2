export default definePageConfig({ navigationBarTitleText: '积分核实', enablePullDownRefresh: true });
