/** 选择区域: browse the tree level by level or search by name; in pick mode, hand the choice back. */
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { AreaView } from '@shared/areas/schemas';
import { emitAreaPickClosed, emitAreaPicked } from '../../../utils/areaPicker';
import { usePullRefresh } from '../../../utils/pullRefresh';
import AreaLevelList from './AreaLevelList';
import AreaSearchResults from './AreaSearchResults';
import { readParams } from './params';
import './index.scss';

export default function AreaPage() {
  const params = readParams(useRouter().params);
  const [parentId, setParentId] = useState<string | undefined>(params.startId);
  // Opened without a start, the page begins at the person's own place; the 全部 crumb still leads to the top.
  const [mine, setMine] = useState(!params.startId);
  const goTo = (id: string | undefined) => {
    setMine(false);
    setParentId(id);
  };
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [refreshKey, setRefreshKey] = useState(0);
  const picked = useRef(false);
  usePullRefresh(async () => setRefreshKey((k) => k + 1));

  useEffect(() => {
    if (params.title) void Taro.setNavigationBarTitle({ title: params.title });
  }, [params.title]);

  useUnload(() => {
    if (params.pick && !picked.current) emitAreaPickClosed();
  });

  const canPick = (node: AreaView) => params.pick && params.levels.includes(node.level);
  const pick = (node: AreaView) => {
    picked.current = true;
    emitAreaPicked(node);
    void Taro.navigateBack();
  };
  const open = (node: AreaView) => {
    setQuery('');
    setDraft('');
    goTo(node.id);
  };

  return (
    <View className="page area">
      <SearchBar
        className="area__search"
        placeholder="搜索区域名称，如“梅川”“第一网格”"
        value={draft}
        onChange={setDraft}
        onSearch={(v) => setQuery(v.trim())}
        onClear={() => setQuery('')}
        right={
          <View className="area__search-btn" onClick={() => setQuery(draft.trim())}>
            搜索
          </View>
        }
      />
      {query ? (
        <AreaSearchResults key={`${query}#${refreshKey}`} query={query} canPick={canPick} onPick={pick} onOpen={open} />
      ) : (
        <AreaLevelList key={refreshKey} parentId={parentId} mine={mine} canPick={canPick} onPick={pick} onOpen={open} onGoTo={goTo} />
      )}
    </View>
  );
}
