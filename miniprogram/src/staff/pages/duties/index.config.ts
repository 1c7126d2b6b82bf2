export default definePageConfig({ navigationBarTitleText: '职责清单' });
