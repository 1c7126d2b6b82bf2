/** Pages, subpackages and window chrome: residents in the main package, staff and members in subpackages. */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/signin/index', 'pages/scan/index'],
  subPackages: [
    // 民情二维码 (staff): codes and printable posters; the scan landing page stays in the main package.
    { root: 'codes', name: 'codes', pages: ['pages/index/index'] },
    {
      root: 'staff',
      name: 'staff',
      pages: [
        'pages/people/index',
        'pages/console/index',
        'pages/rules/index',
        // 职责清单 (职责/协助/负面事项): community staff and the street keep it.
        'pages/duties/index',
        'pages/invite/index',
        'pages/tree/index',
        'pages/tree-import/index',
        // 12345 工单: import a street's hotline export, place queued tickets, export the results.
        'pages/hotline/index',
        'pages/node/index',
        'pages/households/index',
        // 接单单位 (多方接单): 社区/街道 staff set up units and their staff.
        'pages/units/index',
        // 代为登记: staff file for someone who phoned, came in or was met on a 网格巡查.
        'pages/behalf/index',
      ],
    },
    { root: 'member', name: 'member', pages: ['pages/home/index', 'pages/hall/index', 'pages/orders/index', 'pages/points/index'] },
    // 单位接单: staff of 物业服务企业, 职能部门 and 共建单位 (多方接单).
    { root: 'unit', name: 'unit', pages: ['pages/orders/index'] },
    {
      root: 'activity',
      name: 'activity',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/checkin/index', 'pages/posts/index', 'pages/publish/index', 'pages/manage/index', 'pages/roster/index'],
    },
    // 一键响应, 平时/急时, 民情日记, 操作日志 (staff and recipients).
    {
      root: 'respond',
      name: 'respond',
      pages: [
        'pages/compose/index',
        'pages/sent/index',
        'pages/detail/index',
        'pages/inbox/index',
        'pages/mode/index',
        'pages/diary/index',
        'pages/visit-new/index',
        'pages/visit/index',
        'pages/audit/index',
      ],
    },
    // 数据看板 (一屏知全域) for grid leaders, community staff and street admins.
    { root: 'dash', name: 'dash', pages: ['pages/board/index'] },
    // 双报到: register / transfer, 报到证, 报到审核, 在职党员信息库, 报到单位, 扫码核验.
    {
      root: 'members',
      name: 'members',
      pages: ['pages/register/index', 'pages/certificate/index', 'pages/review/index', 'pages/library/index', 'pages/organisations/index', 'pages/verify/index'],
    },
    // 微心愿: the community board, 许个心愿, detail, my wishes, staff review.
    { root: 'wish', name: 'wish', pages: ['pages/board/index', 'pages/new/index', 'pages/detail/index', 'pages/mine/index', 'pages/review/index'] },
    // 积分: 申报 / 我的申报 (members), 汇总 (grid leaders), 核实, 履责, 规则 (community staff), 排行.
    {
      root: 'points',
      name: 'points',
      pages: ['pages/declare/index', 'pages/mine/index', 'pages/review/index', 'pages/verify/index', 'pages/ranking/index', 'pages/duty/index', 'pages/rules/index'],
    },
    // 浏览网格区域 (also the area picker) and 隐私保护指引: read now and then, so kept out of the main package's budget.
    { root: 'info', name: 'info', pages: ['pages/area/index', 'pages/privacy/index'] },
    // 接受邀请: an invitation link or code lands here (first street admin from npm run setup; later staff invitations).
    { root: 'invite', name: 'invite', pages: ['pages/accept/index'] },
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
