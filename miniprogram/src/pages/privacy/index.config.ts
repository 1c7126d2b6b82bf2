export default definePageConfig({ navigationBarTitleText: '用户隐私保护指引' });
