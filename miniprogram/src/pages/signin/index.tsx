/** 开发登录 (h5, local mode): pick a seeded demo person, get a session token, go home — which asks for consent, then sends a link's target (`?back=`) on. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { devSignIn, listDemoPeople } from '../../api/dev';
import type { DemoPerson } from '../../api/dev';
import { messageOf } from '../../api/errors';
import EmptyState from '../../components/EmptyState';
import StatusView from '../../components/StatusView';
import { usePullRefresh } from '../../utils/pullRefresh';
import { entryTarget, homeUrl } from '../../utils/entry';
import { ROUTES } from '../../utils/routes';
import { setToken } from '../../utils/session';
import { useLoad } from '../../utils/useLoad';
import './index.scss';

/** Demo people grouped by role name, in the order the server listed them. */
function byRole(people: readonly DemoPerson[]): Array<[string, DemoPerson[]]> {
  const groups = new Map<string, DemoPerson[]>();
  for (const p of people) groups.set(p.roleName, [...(groups.get(p.roleName) ?? []), p]);
  return [...groups.entries()];
}

function SignInList() {
  const back = homeUrl(entryTarget(useRouter().params.back));
  const { data, loading, error, reload } = useLoad(listDemoPeople, []);
  const [signingIn, setSigningIn] = useState<string | null>(null);
  usePullRefresh(reload);

  const signInAs = async (person: DemoPerson) => {
    if (signingIn) return;
    setSigningIn(person.id);
    try {
      const session = await devSignIn(person.id);
      setToken(session.token);
      await Taro.reLaunch({ url: back });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setSigningIn(null);
    }
  };

  return (
    <View id="signin-list">
      <StatusView loading={loading} error={error} empty={!data?.length} emptyText="还没有演示人员：请先启动本地服务（npm start），它会自动生成演示数据。" onRetry={reload}>
        {byRole(data ?? []).map(([roleName, people]) => (
          <CellGroup key={roleName} title={roleName} className="signin__group">
            {people.map((p) => (
              <Cell
                key={p.id}
                className="signin__person"
                title={p.name}
                description={p.trail || '—'}
                extra={signingIn === p.id ? '登录中…' : '登录'}
                clickable
                onClick={() => void signInAs(p)}
              />
            ))}
          </CellGroup>
        ))}
      </StatusView>
    </View>
  );
}

/** In WeChat the platform identifies the caller: nothing to sign in to. */
function NoSignInNeeded() {
  return (
    <View className="page">
      <EmptyState title="无需登录" description="在微信中，我们通过微信身份识别您，无需另外登录。" actionText="返回首页" onAction={() => void Taro.reLaunch({ url: ROUTES.home })} />
    </View>
  );
}

function DevSignIn() {
  return (
    <View className="page signin">
      <Text className="hint">本地演示环境：选择一位演示人员登录。每位演示人员代表一种角色，登录后看到的内容和可做的操作随角色而不同。</Text>
      <SignInList />
    </View>
  );
}

// A constant at build time, so the weapp bundle leaves the dev sign-in (and its HTTP client) out.
export default process.env.TARO_ENV === 'h5' ? DevSignIn : NoSignInNeeded;
