/** Pages, subpackages and window chrome: residents in the main package, staff and members in subpackages. */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/signin/index', 'pages/privacy/index', 'pages/area/index'],
  subPackages: [
    { root: 'staff', name: 'staff', pages: ['pages/people/index', 'pages/console/index'] },
    { root: 'member', name: 'member', pages: ['pages/home/index', 'pages/hall/index', 'pages/orders/index', 'pages/points/index'] },
    // 点单 pages (QR landing, my orders, detail, messages) live outside the main package's size budget.
    { root: 'pages/order', name: 'order', pages: ['new/index', 'mine/index', 'detail/index', 'messages/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '网格连心',
    navigationBarTextStyle: 'white',
  },
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true,
});
