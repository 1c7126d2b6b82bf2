/** 心愿墙 ?community=: a community's published wishes (no names, phones or doors), filters, paging, this year's 圆梦 count, 认领 for members. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { BoardFilter, WishKind } from '@shared/wishes/model';
import { BOARD_FILTERS, WISH_KINDS, WISH_KIND_NAMES } from '@shared/wishes/model';
import type { BoardView, WishCard } from '@shared/wishes/schemas';
import { call } from '../../../api';
import { ApiError, messageOf } from '../../../api/errors';
import EmptyState from '../../../components/EmptyState';
import ResidentPage from '../../../components/ResidentPage';
import { pickArea } from '../../../utils/areaPicker';
import { PAGE_SIZE } from '../../../utils/constants';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { usePaged } from '../../../utils/usePaged';
import type { Chip } from '../../../components/ChipGroup';
import ChipGroup from '../../../components/ChipGroup';
import { isConflict } from '../../../utils/fieldErrors';
import { useListPage } from '../../../utils/listPage';
import WishList from '../../components/WishList';
import { WISH_ROUTES, wishDetailUrl } from '../../routes';
import './index.scss';

const ALL = 'all';
const STATUS_CHIPS: Array<Chip<BoardFilter | typeof ALL>> = [
  { value: ALL, label: '全部' },
  ...(Object.keys(BOARD_FILTERS) as BoardFilter[]).map((k) => ({ value: k, label: BOARD_FILTERS[k].name })),
];
const KIND_CHIPS: Array<Chip<WishKind | typeof ALL>> = [{ value: ALL, label: '全部类型' }, ...WISH_KINDS.map((k) => ({ value: k, label: WISH_KIND_NAMES[k] }))];

export default function WishBoard() {
  const [communityId, setCommunityId] = useState(useRouter().params.community || undefined);
  const [filter, setFilter] = useState<BoardFilter | typeof ALL>(ALL);
  const [kind, setKind] = useState<WishKind | typeof ALL>(ALL);
  const [head, setHead] = useState<Pick<BoardView, 'community' | 'year' | 'fulfilledThisYear'> | null>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  const list = usePaged(
    async (page) => {
      const view = await call('wishes', 'board', { communityId, filter: filter === ALL ? undefined : filter, kind: kind === ALL ? undefined : kind, page, pageSize: PAGE_SIZE });
      setHead({ community: view.community, year: view.year, fulfilledThisYear: view.fulfilledThisYear });
      return view;
    },
    [communityId, filter, kind],
  );
  useListPage(list);

  const chooseCommunity = async () => {
    const node = await pickArea({ levels: ['community'], title: '选择社区' });
    if (node) setCommunityId(node.id);
  };
  const claim = async (wish: WishCard) => {
    askConsent(CONSENT.claimWish);
    setClaiming(wish.id);
    try {
      await call('wishes', 'claim', { wishId: wish.id });
      void Taro.showToast({ title: '认领成功', icon: 'success' });
      await Taro.navigateTo({ url: wishDetailUrl(wish.id) });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
      if (isConflict(e)) void list.refresh();
    } finally {
      setClaiming(null);
    }
  };

  // Street staff sit above every community: they choose one first.
  const needsCommunity = !communityId && list.error instanceof ApiError && Boolean(list.error.fields.communityId);
  return (
    <ResidentPage className="wish-board" id="wish-board">
      <View className="wish-board__hero">
        <View className="wish-board__community">
          <Text id="wish-community">{head?.community.name ?? '心愿墙'}</Text>
          <Text className="wish-board__switch" onClick={() => void chooseCommunity()}>
            切换社区 ›
          </Text>
        </View>
        <Text className="wish-board__count">
          {head ? `${head.year} 年已圆梦 ` : '今年已圆梦 '}
          <Text className="wish-board__number" id="wish-fulfilled-count">
            {head?.fulfilledThisYear ?? '—'}
          </Text>{' '}
          个心愿
        </Text>
        <Text className="wish-board__note">居民许愿、社区审核、党员认领：心愿墙不公开受助人的姓名、电话和门牌。</Text>
      </View>
      <View className="wish-board__filters">
        <ChipGroup scroll chips={STATUS_CHIPS} value={filter} onChange={setFilter} id="wish-filter" />
        <ChipGroup scroll chips={KIND_CHIPS} value={kind} onChange={setKind} id="wish-kind" />
      </View>
      {needsCommunity ? (
        <EmptyState title="请选择社区" description="您管理多个社区，请先选择要查看哪个社区的心愿墙。" actionText="选择社区" onAction={() => void chooseCommunity()} />
      ) : (
        <WishList
          list={list}
          id="wish-list"
          emptyTitle="这里还没有心愿"
          emptyText="社区审核通过的微心愿会出现在这里，下拉可刷新。"
          action={(w) =>
            w.canClaim ? (
              <Button type="primary" size="small" loading={claiming === w.id} disabled={claiming !== null} onClick={() => void claim(w)}>
                认领心愿
              </Button>
            ) : null
          }
        />
      )}
      <View className="load-more wish-board__links">
        <Button type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.newWish })}>
          许个心愿
        </Button>
        <Button type="default" id="wish-mine-link" onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.mine })}>
          我的心愿
        </Button>
      </View>
    </ResidentPage>
  );
}
