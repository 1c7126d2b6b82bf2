/**
 * 接受邀请: an invitation link (?t=<token>) or mini-program code (scene t=<token>) lands here. It says which role on which
 * node is offered and whether it can still be accepted; the first person to accept gets it. On the web a signed-out
 * visitor signs in first and is brought back here. When the invitation carries the invitee's phone, WeChat's number
 * (a getPhoneNumber button, weapp only) may confirm it instead of the inviter's 4-digit code.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { Button as WxButton, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { InvitationView } from '@shared/invitations/schemas';
import { INVITE_PAGE } from '@shared/invitations/model';
import { shanghaiDay } from '@shared/time';
import { api, messageOf } from '../../../api';
import { ApiError } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import EmptyState from '../../../components/EmptyState';
import StatusView from '../../../components/StatusView';
import { ROUTES, withQuery } from '../../../utils/routes';
import { needsSignIn } from '../../../utils/session';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

/** The token from `?t=` (links) or from a code's URL-encoded `scene` (`t=<token>`). */
function tokenOf(params: Partial<Record<string, string>>): string {
  if (params.t) return params.t;
  const scene = decodeURIComponent(params.scene ?? '');
  return /^t=(.+)$/.exec(scene)?.[1] ?? '';
}

const goHome = () => void Taro.reLaunch({ url: ROUTES.home });

/** WeChat's phone button exists only in the mini-program: the web confirms with the code alone. */
const isWeapp = process.env.TARO_ENV === 'weapp';

function Offer({ view, onAccepted }: { view: InvitationView; onAccepted: (v: InvitationView) => void }) {
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const token = tokenOf(useRouter().params);
  const accept = async (phoneCode?: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onAccepted(await api.users.acceptInvitation(phoneCode ? { token, phoneCode } : view.needsCode ? { token, code: code.trim() } : { token }));
    } catch (e) {
      // A wrong or missing code is said under its field; anything else (used, expired, another number…) in a dialog.
      if (e instanceof ApiError && e.fields.code) setError(e);
      else void Taro.showModal({ title: '未能接受邀请', content: messageOf(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  // The code WeChat hands over once the user allows (5 minutes, once): the server exchanges it for the number.
  const withWechatPhone = (e: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    if (e.detail.code) void accept(e.detail.code);
    else void Taro.showToast({ title: '未获得微信手机号，可输入确认码接受', icon: 'none' });
  };
  return (
    <View className="invite__card" id="invite-offer">
      <Text className="invite__lead">邀请您成为</Text>
      <Text className="invite__role" id="invite-role">{`${view.areaName} · ${view.postName}`}</Text>
      <Text className="muted">{`一次性邀请，${shanghaiDay(view.expiresAt)} 前有效；第一个接受的人获得该角色。`}</Text>
      {isWeapp && view.needsPhone && (
        <View className="invite__code" id="invite-phone">
          <Text className="invite__lead">{`邀请发给手机号 ${view.phoneHint ?? ''}：微信绑定的是这个号码，可直接确认`}</Text>
          <WxButton className="invite__wxphone" openType="getPhoneNumber" onGetPhoneNumber={withWechatPhone} disabled={busy}>
            用微信手机号确认
          </WxButton>
        </View>
      )}
      {view.needsCode && (
        // The phone confirmation: the inviter reads out the 4 digits shown with the invitation.
        <View className="invite__code" id="invite-code">
          <Text className="invite__lead">{isWeapp && view.needsPhone ? '或输入邀请人告诉您的 4 位确认码' : '请输入邀请人告诉您的 4 位确认码'}</Text>
          <Input type="number" value={code} onChange={setCode} placeholder="4 位数字" maxLength={4} />
          <FieldError error={error} field="code" />
        </View>
      )}
      <Button block type="primary" size="large" loading={busy} onClick={() => void accept()} id="invite-accept">
        接受邀请
      </Button>
    </View>
  );
}

export default function AcceptInvitation() {
  const token = tokenOf(useRouter().params);
  const signIn = needsSignIn();
  const [accepted, setAccepted] = useState<InvitationView | null>(null);
  const { data, loading, error, reload } = useLoad(() => (signIn || !token ? Promise.resolve(null) : api.users.invitation({ token })), [signIn, token]);
  useEffect(() => {
    // The web asks who you are first; sign-in brings you back to this link.
    if (signIn) void Taro.reLaunch({ url: withQuery(ROUTES.signin, { back: withQuery(`/${INVITE_PAGE}`, { t: token }) }) });
  }, [signIn, token]);
  const view = accepted ?? data;

  if (!token) {
    return (
      <View className="page invite">
        <EmptyState status="error" title="邀请链接不完整" description="请重新扫描邀请二维码，或打开完整的邀请链接。" actionText="返回首页" onAction={goHome} />
      </View>
    );
  }
  return (
    <View className="page invite" id="invite">
      <StatusView loading={loading || signIn} error={error} empty={!view} emptyText="正在打开邀请…" onRetry={() => void reload()}>
        {view &&
          (view.mine ? (
            <View className="invite__card" id="invite-done">
              <Text className="invite__lead">您已成为</Text>
              <Text className="invite__role">{`${view.areaName} · ${view.postName}`}</Text>
              <Button block type="primary" size="large" onClick={goHome} id="invite-home">
                进入首页
              </Button>
            </View>
          ) : view.refusal ? (
            <View id="invite-refused">
              <EmptyState status="error" title="邀请无法使用" description={view.refusal} actionText="返回首页" onAction={goHome} />
            </View>
          ) : (
            <Offer view={view} onAccepted={setAccepted} />
          ))}
      </StatusView>
    </View>
  );
}
