/** One level of the area tree: breadcrumbs, the parent (choosable in pick mode), its children. */
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { AreaView } from '@shared/areas/schemas';
import AreaTrail from '../../../components/AreaTrail';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import { loadLevel } from './loaders';

interface Props {
  parentId: string | undefined;
  /** No parent given: open at the person's own place rather than the top. */
  mine: boolean;
  canPick: (node: AreaView) => boolean;
  onPick: (node: AreaView) => void;
  onOpen: (node: AreaView) => void;
  onGoTo: (id: string | undefined) => void;
}

export default function AreaLevelList({ parentId, mine, canPick, onPick, onOpen, onGoTo }: Props) {
  const { data, loading, error, reload } = useLoad(() => loadLevel(parentId, mine), [parentId, mine]);
  const crumbs = [{ id: '', name: '全部', levelName: '' }, ...(data?.crumbs ?? [])];
  const parent = data?.parent ?? null;

  return (
    <View>
      <View className="area__crumbs" id="area-crumbs">
        <AreaTrail steps={crumbs} onStepTap={(i) => onGoTo(crumbs[i]?.id || undefined)} />
      </View>
      {parent && canPick(parent) && (
        <View className="area__pick-parent">
          <Button type="primary" block onClick={() => onPick(parent)}>
            选择“{parent.name}”
          </Button>
        </View>
      )}
      <StatusView loading={loading} error={error} empty={!data?.children.length} emptyText={parent ? `“${parent.name}”下还没有下级区域` : '您的范围内还没有区域'} onRetry={reload}>
        <CellGroup className="area__list" id="area-list">
          {data?.children.map((node) => (
            <Cell
              key={node.id}
              title={node.name}
              description={node.phone ? `${node.levelName} · 电话 ${node.phone}` : node.levelName}
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
                ) : node.level !== 'building' ? (
                  <Text className="area__more">下级 ›</Text>
                ) : undefined
              }
            />
          ))}
        </CellGroup>
      </StatusView>
    </View>
  );
}
