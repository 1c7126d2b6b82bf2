/** 导入网格树 (staff subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '导入网格树' });
