/** 首页: who I am, where I live in the grid, my roles and what I can do — after privacy consent. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { MeView } from '@shared/users/schemas';
import { api, messageOf } from '../../api';
import AppTabs from '../../components/AppTabs';
import PrivacyConsent from '../../components/PrivacyConsent';
import ResidentPage from '../../components/ResidentPage';
import StatusView from '../../components/StatusView';
import EmptyState from '../../components/EmptyState';
import { PRIVACY_VERSION } from '../../utils/constants';
import { rememberElderMode, useElderMode } from '../../utils/elder';
import { signInFromHome, useSendOn } from '../../utils/entry';
import { usePullRefresh } from '../../utils/pullRefresh';
import { needsSignIn } from '../../utils/session';
import { useLoad } from '../../utils/useLoad';
import { useLive } from '../../utils/useLive';
import { NEED_PRIVACY, agreeToPendingRequest, declinePendingRequest, hasPendingPrivacyRequest } from '../../utils/wechatPrivacy';
import ElderHome from './ElderHome';
import HomeProfile from './HomeProfile';
import './index.scss';

async function loadMe(): Promise<MeView | null> {
  if (needsSignIn()) {
    await signInFromHome();
    return null;
  }
  const me = await api.users.me();
  rememberElderMode(me.elderMode);
  return me;
}

export default function Home() {
  const { data: me, loading, error, reload, refresh } = useLoad(loadMe, []);
  // Roles change while signed in (双报到 approved, a staff invitation accepted): home follows on return and while open.
  useLive(refresh);
  const elder = useElderMode();
  // A QR or shared link opened before sign-in or consent: on to its page once consent is given.
  const leaving = useSendOn(me ?? null);
  const [platformAsks, setPlatformAsks] = useState(hasPendingPrivacyRequest());
  const [declined, setDeclined] = useState(false);
  const [busy, setBusy] = useState(false);
  const [consentError, setConsentError] = useState<string>();
  usePullRefresh(reload);

  useEffect(() => {
    const onNeed = () => setPlatformAsks(true);
    Taro.eventCenter.on(NEED_PRIVACY, onNeed);
    return () => void Taro.eventCenter.off(NEED_PRIVACY, onNeed);
  }, []);

  const mustConsent = me !== null && !me.privacyAccepted;
  const showConsent = !declined && (mustConsent || platformAsks);

  const agree = async () => {
    agreeToPendingRequest();
    setPlatformAsks(false);
    if (!mustConsent) return;
    setBusy(true);
    setConsentError(undefined);
    try {
      await api.users.acceptPrivacy({ version: PRIVACY_VERSION });
      await reload();
    } catch (e) {
      setConsentError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const decline = () => {
    declinePendingRequest();
    setPlatformAsks(false);
    setDeclined(true);
  };

  return (
    <ResidentPage className="home">
      <StatusView loading={loading || leaving} error={error} empty={me === null} emptyText="正在进入…" onRetry={reload}>
        {me && mustConsent ? (
          <EmptyState
            icon="tips"
            title="请先阅读隐私保护指引"
            description="同意《网格连心用户隐私保护指引》后，才会显示您的个人信息和网格服务。"
            actionText="查看并同意"
            onAction={() => setDeclined(false)}
          />
        ) : (
          me && (elder ? <ElderHome me={me} /> : <HomeProfile me={me} />)
        )}
      </StatusView>
      {me && !mustConsent && <AppTabs me={me} />}
      <PrivacyConsent visible={showConsent} busy={busy} error={consentError} onAgree={agree} onDecline={decline} />
    </ResidentPage>
  );
}
