/** 心愿审核 (community staff): wishes of my communities by status, oldest 待审核 first; 审核 opens the detail's review popup. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WishStatus } from '@shared/wishes/model';
import { WISH_STATUS_NAMES } from '@shared/wishes/model';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import TabBar from '../../../components/TabBar';
import { useListPage } from '../../../utils/listPage';
import WishList from '../../components/WishList';
import { WISH_ROUTES } from '../../routes';
import { withQuery } from '../../../utils/routes';
import RulesCard from './RulesCard';

/** Waiting for review first, then along the way a wish goes; 未通过 last. */
const TAB_ORDER: readonly WishStatus[] = ['pending', 'published', 'claimed', 'delivered', 'fulfilled', 'rejected'];
const TABS = TAB_ORDER.map((key) => ({ key, title: WISH_STATUS_NAMES[key] }));

export default function WishReview() {
  const [status, setStatus] = useState<WishStatus>('pending');
  const list = usePaged((page) => call('wishes', 'review', { status, page, pageSize: PAGE_SIZE }), [status]);
  useListPage(list);

  return (
    <View className="page" id="wish-review">
      <RulesCard />
      <TabBar tabs={TABS} active={status} onChange={setStatus} id="wish-review-tabs" />
      <WishList
        list={list}
        id="review-wishes"
        emptyTitle={status === 'pending' ? '没有待审核的心愿' : '这里还没有心愿'}
        emptyText={status === 'pending' ? '居民许下的心愿会出现在这里，审核时请删去姓名、电话和门牌再发布。' : '下拉可刷新。'}
        action={(w) =>
          w.status === 'pending' ? (
            <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: withQuery(WISH_ROUTES.detail, { id: w.id, review: '1' }) })}>
              审核
            </Button>
          ) : null
        }
      />
      <View className="load-more">
        <Button type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: WISH_ROUTES.newWish })}>
          为老人代许心愿
        </Button>
      </View>
    </View>
  );
}
