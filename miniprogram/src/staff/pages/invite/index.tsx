/**
 * 邀请人员: staff pick a node of their subtree and a post, and get a one-time invitation: its QR (a mini-program code
 * in the cloud), the 4-digit code to read out to the invitee, and on the web the link to copy. The invitee's mobile
 * is optional: given, their WeChat number may confirm it in the mini-program instead of the code. Below, the node's
 * invitations, the creator's still-pending ones revocable.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { AreaLevel } from '@shared/areas/model';
import { AREA_LEVEL_NAMES } from '@shared/areas/model';
import type { InvitePost } from '@shared/invitations/model';
import { INVITE_POST_KEYS, INVITE_POSTS } from '@shared/invitations/model';
import type { IssuedInvitation } from '@shared/invitations/schemas';
import { ROLE_LEVELS, ROLE_RANK, STAFF_ROLES } from '@shared/users/roles';
import type { RoleView } from '@shared/users/schemas';
import { shanghaiDay } from '@shared/time';
import { api, messageOf } from '../../../api';
import EmptyState from '../../../components/EmptyState';
import StatusView from '../../../components/StatusView';
import { pickArea } from '../../../utils/areaPicker';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

interface Node {
  id: string;
  name: string;
  level: AreaLevel;
  /** Known for a node picked from the tree: its ancestors' ids are on it. */
  path?: string;
}

/** My highest rank over the node, from my grants on it or (for a picked node) on its ancestors. */
function rankOver(roles: readonly RoleView[], node: Node): number {
  const over = roles.filter((r) => r.areaId === node.id || (node.path ?? '').includes(`/${r.areaId}/`));
  return Math.max(-1, ...over.map((r) => ROLE_RANK[r.role]));
}

/** The posts the server would let me invite to this node (canGrantRole): fitting its level, below me, or my peer from 社区 up. */
function postsFor(roles: readonly RoleView[], node: Node): InvitePost[] {
  const mine = rankOver(roles, node);
  return INVITE_POST_KEYS.filter((k) => {
    const role = INVITE_POSTS[k].role;
    const theirs = ROLE_RANK[role];
    return ROLE_LEVELS[role].includes(node.level) && (theirs < mine || (mine >= ROLE_RANK.community_staff && theirs === mine));
  });
}

const isH5 = process.env.TARO_ENV === 'h5';

/** The full web link: this site's address and the invitation's route. */
const webLink = (h5Path: string) => `${window.location.origin}${window.location.pathname.replace(/\/+$/, '')}${h5Path}`;

function Issued({ inv }: { inv: IssuedInvitation }) {
  const link = isH5 ? webLink(inv.h5Path) : '';
  const copy = () => void Taro.setClipboardData({ data: link }).catch(() => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }));
  return (
    <View className="invite-card" id="invite-issued">
      <Text className="invite-card__title">{`${inv.areaName} · ${inv.postName}`}</Text>
      <Image className="invite-card__qr" id="invite-qr" src={inv.qr} mode="aspectFit" />
      <Text className="muted">{inv.qrKind === 'wxacode' ? '请被邀请人用微信扫这个小程序码' : '请被邀请人用微信扫这个二维码'}</Text>
      <View className="invite-card__code">
        <Text className="muted">确认码（当面或电话告诉被邀请人，接受时要输入）</Text>
        <Text className="invite-card__digits" id="invite-code-digits">
          {inv.code}
        </Text>
      </View>
      {isH5 && (
        <View className="invite-card__link">
          <Text className="invite-card__url" id="invite-link" userSelect>
            {link}
          </Text>
          <Button size="small" fill="outline" type="primary" onClick={copy} id="invite-copy">
            复制链接
          </Button>
        </View>
      )}
      <Text className="muted">{`一次性邀请，${shanghaiDay(inv.expiresAt)} 前有效；确认码只显示这一次。`}</Text>
    </View>
  );
}

function InvitationList({ areaId, onChanged }: { areaId: string; onChanged: () => void }) {
  const list = useLoad(() => api.users.invitations({ areaId }), [areaId]);
  const revoke = async (id: string) => {
    const { confirm } = await Taro.showModal({ title: '撤销邀请', content: '撤销后链接和二维码都不能再用，确定吗？' });
    if (!confirm) return;
    try {
      await api.users.revokeInvitation({ id });
      void Taro.showToast({ title: '已撤销', icon: 'none' });
      onChanged();
    } catch (e) {
      void Taro.showModal({ title: '未能撤销', content: messageOf(e), showCancel: false });
    }
  };
  const items = list.data?.items ?? [];
  return (
    <View id="invite-list">
      <Text className="invite-list__title">本区域的邀请</Text>
      <StatusView loading={list.loading} error={list.error} empty={items.length === 0} emptyText="还没有发出过邀请" onRetry={list.reload}>
        {items.map((i) => (
          <View key={i.id} className="invite-row">
            <View className="invite-row__text">
              <Text className="invite-row__post">{i.postName}</Text>
              <Text className="muted">{`${i.statusName}${i.acceptedByName ? ` · ${i.acceptedByName}` : ''}${i.phone ? ` · ${i.phone}` : ''} · ${i.createdByName}发出 · ${shanghaiDay(i.expiresAt)} 到期`}</Text>
            </View>
            {i.canRevoke && (
              <Button size="small" fill="outline" onClick={() => void revoke(i.id)}>
                撤销
              </Button>
            )}
          </View>
        ))}
      </StatusView>
    </View>
  );
}

export default function StaffInvite() {
  const me = useLoad(() => api.users.me(), []);
  const [picked, setPicked] = useState<Node | null>(null);
  const [post, setPost] = useState<InvitePost | null>(null);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState('');
  const [version, setVersion] = useState(0);
  const own = (me.data?.roles ?? []).filter((r) => STAFF_ROLES.includes(r.role)).map((r) => ({ id: r.areaId, name: r.areaName, level: r.areaLevel }));
  const node = picked ?? own[0] ?? null;
  const posts = node ? postsFor(me.data?.roles ?? [], node) : [];

  const changeArea = async () => {
    const a = await pickArea({ startId: node?.id, title: '邀请到哪个区域' });
    if (a) {
      setPicked({ id: a.id, name: a.name, level: a.level, path: a.path });
      setPost(null);
      setIssued(null);
    }
  };
  const create = async () => {
    if (!node || !post || busy) return;
    setBusy(true);
    try {
      setIssued(await api.users.invite({ areaId: node.id, post, ...(phone.trim() && { phone: phone.trim() }) }));
      setPhone('');
      setVersion((v) => v + 1);
    } catch (e) {
      void Taro.showModal({ title: '未能生成邀请', content: messageOf(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page staff" id="staff-invite">
      <StatusView loading={me.loading} error={me.error} empty={!me.data} emptyText="加载中…" onRetry={me.reload}>
        {!node ? (
          <EmptyState title="暂无权限" description="您还没有网格长、社区或街道工作人员角色，不能邀请人员。" />
        ) : (
          <View>
            <View className="invite-area" id="invite-area">
              <View className="invite-area__text">
                <Text className="invite-area__level">{AREA_LEVEL_NAMES[node.level]}</Text>
                <Text className="invite-area__name">{node.name}</Text>
              </View>
              <Button size="small" fill="outline" type="primary" onClick={() => void changeArea()}>
                切换区域
              </Button>
            </View>
            <View className="invite-posts" id="invite-posts">
              <Text className="muted">
                {posts.length ? '邀请担任（只能邀请比您低的角色，社区、街道可邀请同级）' : `您在这个${AREA_LEVEL_NAMES[node.level]}上没有可邀请的岗位，请切换区域`}
              </Text>
              <View className="invite-posts__list">
                {posts.map((k) => (
                  <Button key={k} size="small" type={post === k ? 'primary' : 'default'} onClick={() => setPost(k)}>
                    {INVITE_POSTS[k].name}
                  </Button>
                ))}
              </View>
              <View className="invite-phone" id="invite-mobile">
                <Text className="muted">被邀请人手机号（选填：填了，对方在微信小程序里可用微信手机号直接确认）</Text>
                <Input type="tel" value={phone} onChange={setPhone} placeholder="11 位手机号" maxLength={11} />
              </View>
              <Button block type="primary" disabled={!post} loading={busy} onClick={() => void create()} id="invite-create">
                {post ? `生成${INVITE_POSTS[post].name}邀请` : '请先选择岗位'}
              </Button>
            </View>
            {issued && <Issued inv={issued} />}
            <InvitationList key={`${node.id}#${version}`} areaId={node.id} onChanged={() => setVersion((v) => v + 1)} />
          </View>
        )}
      </StatusView>
    </View>
  );
}
