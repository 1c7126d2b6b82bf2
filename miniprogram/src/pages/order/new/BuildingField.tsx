/** 点单楼栋: the scanned building's trail, or a clear way to choose one when there is none or the code is stale. */
import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import { AREA_LEVEL_NAMES } from '@shared/areas/model';
import type { AreaView } from '@shared/areas/schemas';
import { ApiError, messageOf } from '../../../api/errors';
import AreaTrail from '../../../components/AreaTrail';
import FieldError from '../../../components/FieldError';
import type { Loaded } from '../../../utils/useLoad';

export interface Place {
  node: AreaView;
  ancestors: AreaView[];
}

interface Props {
  place: Loaded<Place | null>;
  error: unknown;
  onPick: () => void;
}

function describe(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION')) {
    return '这个二维码对应的楼栋不存在或已撤销，请重新选择您所在的楼栋。';
  }
  return messageOf(error);
}

export default function BuildingField({ place, error, onPick }: Props) {
  const { data, loading } = place;
  const steps = data ? [...data.ancestors, data.node].map((a) => ({ id: a.id, name: a.name, levelName: AREA_LEVEL_NAMES[a.level] })) : [];
  const isBuilding = data?.node.level === 'building';
  return (
    <View className="building-field" id="order-building">
      {loading && !data && <Loading type="circular">正在读取楼栋…</Loading>}
      {place.error !== null && <Text className="building-field__warn">{describe(place.error)}</Text>}
      {data && <AreaTrail steps={steps} />}
      {data && !isBuilding && <Text className="building-field__warn">请在“{data.node.name}”下选择您所在的楼栋。</Text>}
      {!loading && !data && place.error === null && <Text className="muted">请选择问题所在的楼栋（扫描楼栋里的民情二维码会自动填好）。</Text>}
      <View className="building-field__action">
        <Button size="small" fill="outline" type="primary" onClick={onPick}>
          {isBuilding ? '更换楼栋' : '选择楼栋'}
        </Button>
      </View>
      <FieldError error={error} field="buildingId" />
    </View>
  );
}
