/** 节点页 (staff subpackage): page window settings. */
export default definePageConfig({ navigationBarTitleText: '区域人员与事项' });
