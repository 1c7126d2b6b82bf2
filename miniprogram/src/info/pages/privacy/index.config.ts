/** 用户隐私保护指引: page window settings. */
export default definePageConfig({ navigationBarTitleText: '用户隐私保护指引' });
