/** 在职党员信息库 (staff): every registration in my area, filtered by status, skill, organisation, grid and served-this-year; paged; 导出台账 (xlsx). */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError, api, messageOf } from '../../../api';
import PagedList from '../../../components/PagedList';
import ChipGroup from '../../../components/ChipGroup';
import { useListPage } from '../../../utils/listPage';
import { pickArea } from '../../../utils/areaPicker';
import { PAGE_SIZE } from '../../../utils/constants';
import { openExport } from '../../../utils/download';
import { useLoad } from '../../../utils/useLoad';
import { usePaged } from '../../../utils/usePaged';
import RegistrationCard from '../../components/RegistrationCard';
import { ALL, DEFAULT_FILTERS, SERVED_CHIPS, SKILL_CHIPS, STATUS_CHIPS, toInput } from './filters';
import type { LibraryFilters } from './filters';
import './index.scss';

export default function MemberLibrary() {
  const [filters, setFilters] = useState<LibraryFilters>(DEFAULT_FILTERS);
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const orgs = useLoad(() => api.members.listOrganisations({ pageSize: 50 }), []);
  const list = usePaged((page) => api.members.library({ ...toInput(filters), page, pageSize: PAGE_SIZE }), [filters]);
  useListPage(list);
  const [exporting, setExporting] = useState(false);
  const orgChips = [{ value: ALL, label: '全部单位' }, ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))];

  const chooseGrid = async () => {
    const node = await pickArea({ levels: ['grid'], title: '选择网格' });
    if (node) set('grid', { id: node.id, name: node.name });
  };

  const exportLedger = async () => {
    setExporting(true);
    try {
      const file = await api.members.exportLibrary(toInput(filters));
      await openExport(file);
      void Taro.showToast({ title: `已导出 ${file.rows} 条`, icon: 'none' });
    } catch (e) {
      // openExport's download failure is a plain Error with its own Chinese message.
      void Taro.showToast({ title: e instanceof ApiError || !(e instanceof Error) ? messageOf(e) : e.message, icon: 'none' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="page member-library" id="member-library">
      <View className="member-library__filters">
        <ChipGroup scroll chips={STATUS_CHIPS} value={filters.status} onChange={(v) => set('status', v)} id="library-status" />
        <ChipGroup scroll chips={SKILL_CHIPS} value={filters.skill} onChange={(v) => set('skill', v)} id="library-skill" />
        <ChipGroup scroll chips={SERVED_CHIPS} value={filters.served} onChange={(v) => set('served', v)} id="library-served" />
        {orgChips.length > 1 && <ChipGroup scroll chips={orgChips} value={filters.orgId} onChange={(v) => set('orgId', v)} id="library-org" />}
        <View className="member-library__bar">
          <Text className="member-library__grid" id="library-grid" onClick={() => void chooseGrid()}>
            {filters.grid ? `网格：${filters.grid.name}` : '全部网格 ▾'}
          </Text>
          {filters.grid && (
            <Text className="member-library__clear" onClick={() => set('grid', null)}>
              清除
            </Text>
          )}
          <Text className="muted member-library__total" id="library-total">
            共 {list.total} 条
          </Text>
          <Button size="small" type="primary" loading={exporting} onClick={() => void exportLedger()} id="library-export">
            导出台账
          </Button>
        </View>
      </View>
      <PagedList list={list} id="library-list" emptyTitle="没有符合条件的党员" emptyText="换个筛选条件试试；党员双报到并通过审核后会进入信息库。" unit="名党员">
        {(r) => (
          <RegistrationCard
            key={r.id}
            reg={r}
            extra={
              <Text
                className={`member-library__points${r.servedThisYear ? ' member-library__points--on' : ''}`}
              >{`${r.servedThisYear ? '今年已服务' : '今年未服务'} · 今年积分 ${r.pointsThisYear}`}</Text>
            }
          />
        )}
      </PagedList>
    </View>
  );
}
