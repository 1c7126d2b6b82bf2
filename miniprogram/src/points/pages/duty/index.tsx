/** 年度履责 (community staff): 每年至少下沉社区 1 次、认领 1 个志愿服务岗 — who is behind, and the year-end export for 评优评先. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import type { DutyView } from '@shared/points/schemas';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import { PAGE_SIZE } from '../../../utils/constants';
import { openExport } from '../../../utils/download';
import { usePaged } from '../../../utils/usePaged';
import { useListPage } from '../../../utils/listPage';
import PagedList from '../../../components/PagedList';
import { POINTS_ROUTES } from '../../routes';
import './index.scss';

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export default function DutyCheck() {
  const [behindOnly, setBehindOnly] = useState(true);
  const [summary, setSummary] = useState<Omit<DutyView, 'items'> | null>(null);
  const [exporting, setExporting] = useState(false);
  const list = usePaged(
    async (page) => {
      const { items, ...rest } = await call('points', 'duty', { behindOnly, page, pageSize: PAGE_SIZE });
      setSummary(rest);
      return { ...rest, items };
    },
    [behindOnly],
  );
  useListPage(list);

  const exportYear = async () => {
    setExporting(true);
    try {
      await openExport(await call('points', 'exportYear', {}));
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="page duty" id="points-duty">
      {summary && (
        <View className="duty__summary" id="duty-summary">
          <Text className="duty__title">
            {summary.communityName} · {summary.year} 年
          </Text>
          <View className="duty__figures">
            <View className="duty__figure">
              <Text className="duty__num">{summary.members}</Text>
              <Text className="muted">在职党员</Text>
            </View>
            <View className="duty__figure">
              <Text className="duty__num">{summary.served}</Text>
              <Text className="muted">已下沉服务</Text>
            </View>
            <View className="duty__figure">
              <Text className="duty__num">{summary.holdingPost}</Text>
              <Text className="muted">已认领岗位</Text>
            </View>
            <View className="duty__figure">
              <Text className="duty__num">{summary.complete}</Text>
              <Text className="muted">全部达标</Text>
            </View>
          </View>
        </View>
      )}
      <View className="duty__tools">
        <View className="duty__switch">
          <Switch checked={behindOnly} onChange={setBehindOnly} />
          <Text>只看未达标</Text>
        </View>
        <Button size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: POINTS_ROUTES.rules })}>
          积分规则
        </Button>
        <Button size="small" type="primary" loading={exporting} onClick={() => void exportYear()} id="duty-export">
          导出评优表
        </Button>
      </View>
      <View className="duty__list">
        <PagedList
          list={list}
          id="duty-list"
          emptyTitle={behindOnly ? '全部达标' : '还没有在职党员'}
          emptyText={behindOnly ? '今年每位在职党员都已下沉服务并认领了岗位。' : '双报到审核通过的党员会出现在这里。'}
        >
          {(r) => (
            <View key={r.memberId} className="duty__row" id={`duty-${r.memberId}`}>
              <View className="duty__main">
                <Text className="duty__name">{r.name}</Text>
                <Text className="muted">
                  {[r.gridName, r.orgName].filter(Boolean).join(' · ') || '—'} · {r.total} 分
                </Text>
              </View>
              <Text className={r.served ? 'duty__ok' : 'duty__no'}>{mark(r.served)} 下沉</Text>
              <Text className={r.holdsPost ? 'duty__ok' : 'duty__no'}>{mark(r.holdsPost)} 岗位</Text>
            </View>
          )}
        </PagedList>
      </View>
    </View>
  );
}
