export default definePageConfig({ navigationBarTitleText: '发一键响应' });
