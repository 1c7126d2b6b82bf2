/** 我联系的住户 (一人联十户): page window settings. */
export default definePageConfig({ navigationBarTitleText: '我联系的住户', enablePullDownRefresh: true });
