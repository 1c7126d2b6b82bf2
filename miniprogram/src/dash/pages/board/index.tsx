/** 数据看板 (一屏知全域): a node and a period → the 三率 tiles, 下级对比 (drill down by tapping a child), 按来源, 各单位 (多方接单), trend, category and 3色 splits, backlog, points, overdue list, exports. */
import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Period } from '@shared/dashboard/model';
import { PERIODS } from '@shared/dashboard/model';
import type { ChildrenView, ChildRow, SummaryInput, SummaryView } from '@shared/dashboard/schemas';
import type { UnitBoardView } from '@shared/units/schemas';
import { OPEN_STATUSES, STATUS_NAMES } from '@shared/orders/model';
import { formatWhen } from '@shared/time';
import { api } from '../../../api';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import OrderCard from '../../../orders/components/OrderCard';
import { pickArea } from '../../../utils/areaPicker';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import BarList from '../../components/BarList';
import ChildTable from '../../components/ChildTable';
import ColourSplit from '../../components/ColourSplit';
import ExportButtons from '../../components/ExportButtons';
import KpiTiles from '../../components/KpiTiles';
import PeriodBar from '../../components/PeriodBar';
import RateHelp from '../../components/RateHelp';
import TrendLine from '../../components/TrendLine';
import SourceTable from '../../components/SourceTable';
import UnitTable from '../../components/UnitTable';
import '../../components/charts.scss';
import './index.scss';

/** Tapping a child opens its own board for the same period, so 返回 comes back to this one. */
function openChild(row: ChildRow, query: SummaryInput) {
  const range = query.period === 'custom' ? `&from=${query.from ?? ''}&to=${query.to ?? ''}` : '';
  void Taro.navigateTo({ url: `/dash/pages/board/index?area=${row.id}&period=${query.period}${range}` });
}

function Board({ v, query, kids, units }: { v: SummaryView; query: SummaryInput; kids: ChildrenView | null; units: UnitBoardView | null }) {
  const filedColoured = v.byColour.reduce((a, b) => a + b.count, 0);
  return (
    <View>
      {v.marks.length > 0 && (
        <View className="dash-marks" id="dash-marks">
          {v.marks.map((m) => (
            <Text key={`${m.communityId}${m.from}`}>{`急时：${formatWhen(m.from)} 起${m.to ? `，${formatWhen(m.to)} 恢复平时` : '，仍在急时'}（${m.reason}）`}</Text>
          ))}
        </View>
      )}
      <KpiTiles v={v} />
      <RateHelp />
      {kids && kids.childLevelName && (
        <SectionCard title={`下级对比（${kids.childLevelName}）`} id="card-children">
          <ChildTable v={kids} onOpen={(row) => openChild(row, query)} />
        </SectionCard>
      )}
      <SectionCard title="按来源（三率）" id="card-sources">
        <SourceTable rows={v.bySource} />
      </SectionCard>
      {units && units.rows.length > 0 && (
        <SectionCard title="各单位（物业、职能部门、共建单位）" id="card-units">
          <UnitTable v={units} />
        </SectionCard>
      )}
      <SectionCard title="每日趋势" id="card-trend">
        <TrendLine points={v.trend} />
      </SectionCard>
      <SectionCard title="类别分布（按提交）" id="card-category">
        <BarList id="category-bars" empty="本期没有点单" bars={v.byCategory.map((c) => ({ key: c.category, label: c.category, count: c.count }))} />
      </SectionCard>
      <SectionCard title="3色分布（按提交）" id="card-colour">
        <ColourSplit split={v.byColour} untriaged={Math.max(0, v.totals.filed - filedColoured)} />
      </SectionCard>
      <SectionCard title="当前在办（全部时段）" id="card-open">
        <BarList id="open-bars" empty="没有在办的点单" bars={OPEN_STATUSES.map((s) => ({ key: s, label: STATUS_NAMES[s], count: v.open[s] ?? 0 }))} />
      </SectionCard>
      <SectionCard title={`党员积分分布（${v.members.year} 年）`} id="card-points">
        <BarList id="points-bars" empty="还没有报到党员" bars={v.points.map((p) => ({ key: p.label, label: p.label, count: p.count, colour: '#e6a23c' }))} />
      </SectionCard>
      <SectionCard title="超时点单" extra={<Text id="overdue-total">{`共 ${v.overdue.total} 单`}</Text>} id="card-overdue">
        {v.overdue.items.length === 0 ? <Text className="dash-empty">没有超时的点单</Text> : v.overdue.items.map((o) => <OrderCard key={o.id} order={o} />)}
        {v.overdue.total > v.overdue.items.length && <Text className="dash-empty">{`只显示最早的 ${v.overdue.items.length} 单，其余请到派单台「已超时」查看`}</Text>}
      </SectionCard>
      <SectionCard title="导出 Excel" id="card-exports">
        <ExportButtons query={query} year={v.members.year} />
      </SectionCard>
    </View>
  );
}

export default function DashboardPage() {
  const { params } = useRouter();
  const [areaId, setAreaId] = useState<string | undefined>(params.area || undefined);
  const [period, setPeriod] = useState<Period>(PERIODS.includes(params.period as Period) ? (params.period as Period) : 'today');
  const [range, setRange] = useState({ from: params.from ?? '', to: params.to ?? '' });
  const { from, to } = range;
  const waiting = period === 'custom' && (!from || !to);
  const query = useMemo<SummaryInput>(() => ({ areaId, period, ...(period === 'custom' ? { from, to } : {}) }), [areaId, period, from, to]);
  const summary = useLoad(async () => (waiting ? null : api.dashboard.summary(query)), [waiting, query]);
  const children = useLoad(async () => (waiting ? null : api.dashboard.children(query)), [waiting, query]);
  const units = useLoad(async () => (waiting ? null : api.units.board(query)), [waiting, query]);
  usePullRefresh(async () => {
    await Promise.all([summary.reload(), children.reload(), units.reload()]);
  });
  const v = summary.data;

  const changeArea = async () => {
    const node = await pickArea({ startId: v?.node.id, title: '选择要查看的区域' });
    if (node) setAreaId(node.id);
  };

  return (
    <View className="page dash" id="dashboard">
      <View className="dash__head">
        <View className="dash__node">
          <Text className="dash__level" id="dash-level">
            {v?.node.levelName ?? ''}
          </Text>
          <Text className="dash__name" id="dash-node">
            {v?.node.name ?? '我负责的区域'}
          </Text>
          {v && <Text className="dash__trail">{`${v.node.trail} · ${v.period.from === v.period.to ? v.period.from : `${v.period.from} 至 ${v.period.to}`}`}</Text>}
        </View>
        <Button size="small" fill="outline" type="primary" id="dash-pick" onClick={() => void changeArea()}>
          切换区域
        </Button>
      </View>
      <PeriodBar period={period} from={range.from} to={range.to} onPeriod={setPeriod} onRange={(from, to) => setRange({ from, to })} />
      {waiting ? (
        <Text className="dash-empty" id="dash-waiting">
          请选择开始和结束日期
        </Text>
      ) : (
        <StatusView loading={summary.loading} error={summary.error} empty={!v} emptyText="暂无数据" onRetry={() => void summary.reload()}>
          {v && <Board v={v} query={query} kids={children.data} units={units.data} />}
        </StatusView>
      )}
      <Text className="dash-foot" onClick={() => void Taro.pageScrollTo({ scrollTop: 0 })}>
        数据来自每日计数，点单流转后即时更新
      </Text>
    </View>
  );
}
