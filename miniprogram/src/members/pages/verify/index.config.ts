export default definePageConfig({ navigationBarTitleText: '报到证核验' });
