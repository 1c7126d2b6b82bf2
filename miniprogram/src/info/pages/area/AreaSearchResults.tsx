/** Areas matching a name, each with its trail; tap opens it, 选择 picks it (pick mode). */
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { AreaView } from '@shared/areas/schemas';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import { describeSearchError, searchAreas } from './loaders';

interface Props {
  query: string;
  canPick: (node: AreaView) => boolean;
  onPick: (node: AreaView) => void;
  onOpen: (node: AreaView) => void;
}

export default function AreaSearchResults({ query, canPick, onPick, onOpen }: Props) {
  const { data, loading, error, reload } = useLoad(() => searchAreas(query), [query]);
  return (
    <View id="area-search-results">
      <Text className="area__search-note">“{query}”的搜索结果</Text>
      <StatusView
        loading={loading}
        error={error}
        empty={!data?.length}
        emptyTitle="没有找到"
        emptyText={`您的范围内没有名称包含“${query}”的区域`}
        describeError={describeSearchError}
        onRetry={reload}
      >
        <CellGroup className="area__list">
          {data?.map((node) => (
            <Cell
              key={node.id}
              title={`${node.name}（${node.levelName}）`}
              description={node.trail}
              clickable={node.level !== 'building'}
              onClick={node.level !== 'building' ? () => onOpen(node) : undefined}
              extra={
                canPick(node) ? (
                  <Button
                    size="small"
                    type="primary"
                    fill="outline"
                    onClick={(e) => {
                      e.stopPropagation();
                      onPick(node);
                    }}
                  >
                    选择
                  </Button>
                ) : undefined
              }
            />
          ))}
        </CellGroup>
      </StatusView>
    </View>
  );
}
