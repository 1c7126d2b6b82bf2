/** 记一次走访 (网格员, 网格长): where (building in my grid), who (optionally a resident on file), what was heard, tags, photos. */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { VisitTag } from '@shared/diary/model';
import { DIARY_LIMITS, VISIT_TAGS } from '@shared/diary/model';
import type { PersonView } from '@shared/users/schemas';
import { api, call } from '../../../api';
import { ApiError, formMessage, messageOf } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import { pickArea } from '../../../utils/areaPicker';
import { FormField } from '../../../components/FormPopup';
import PhotoPicker from '../../../components/PhotoPicker';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import { firstFieldError } from '../../../utils/fieldErrors';
import Toggles from '../../components/Toggles';
import { visitUrl } from '../../routes';
import '../../components/respond.scss';

const TAG_OPTIONS = VISIT_TAGS.map((t) => ({ value: t, label: t }));
const FIELDS = ['buildingId', 'residentName', 'residentId', 'heard', 'tags'];

export default function NewVisit() {
  const start = useRouter().params.building;
  const [grid, setGrid] = useState<string | undefined>();
  const [building, setBuilding] = useState<{ id: string; name: string } | null>(null);
  const [residents, setResidents] = useState<{ buildingId: string; people: PersonView[] } | null>(null);
  const [residentName, setResidentName] = useState('');
  const [residentId, setResidentId] = useState<string | null>(null);
  const [heard, setHeard] = useState('');
  const [tags, setTags] = useState<VisitTag[]>([]);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Opened from a building (its QR or a link): start there.
  useEffect(() => {
    if (start)
      api.areas.get({ id: start }).then(
        (a) => a.node.level === 'building' && setBuilding({ id: a.node.id, name: a.node.name }),
        () => undefined,
      );
  }, [start]);
  useEffect(() => {
    api.users.me().then(
      (me) => setGrid(me.roles.find((r) => r.role === 'grid_worker' || r.role === 'grid_leader')?.areaId),
      () => undefined,
    );
  }, []);
  // Residents on file in the chosen building, to link the visit to one of them (选填); none until they load.
  const buildingId = building?.id;
  useEffect(() => {
    if (!buildingId) return;
    api.users.listPeople({ areaId: buildingId, pageSize: 50 }).then(
      (p) => setResidents({ buildingId, people: p.items }),
      () => setResidents({ buildingId, people: [] }),
    );
  }, [buildingId]);
  const people = residents && residents.buildingId === buildingId ? residents.people : [];

  const chooseBuilding = async () => {
    const node = await pickArea({ startId: grid, levels: ['building'], title: '选择走访楼栋' });
    if (node) {
      setBuilding({ id: node.id, name: node.name });
      setResidentId(null);
    }
  };
  const link = (p: PersonView) => {
    setResidentId(residentId === p.id ? null : p.id);
    setResidentName(p.name);
  };

  const submit = async () => {
    if (!building) return setError(new ApiError('VALIDATION', '请选择走访的楼栋', { buildingId: '请选择走访的楼栋' }));
    setBusy(true);
    setError(null);
    try {
      const { id } = await call('diary', 'record', {
        buildingId: building.id,
        residentName: residentName.trim(),
        ...(residentId ? { residentId } : {}),
        heard: heard.trim(),
        tags,
        photos: photos.map((p) => p.ref),
      });
      void Taro.showToast({ title: '已记入民情日记', icon: 'success' });
      await Taro.redirectTo({ url: visitUrl(id) });
    } catch (e) {
      setError(e);
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const top = formMessage(error, [...FIELDS, 'photos', 'photos.0']);
  return (
    <View className="page" id="visit-new">
      <SectionCard title="走访地点与对象">
        <FormField label="楼栋">
          <View className="r-card__head" id="visit-building">
            <Text>{building?.name ?? '未选择'}</Text>
            <Button size="small" fill="outline" type="primary" onClick={() => void chooseBuilding()}>
              {building ? '更换' : '选择楼栋'}
            </Button>
          </View>
          <FieldError error={error} field="buildingId" />
        </FormField>
        <FormField label="走访对象" hint="居民姓名或户，如：5楼王家">
          <View id="visit-resident">
            <Input className="field-box" value={residentName} onChange={setResidentName} placeholder="姓名或户" maxLength={20} />
          </View>
          <FieldError error={error} field="residentName" />
        </FormField>
        {people.length > 0 && (
          <FormField label="关联登记居民" hint="选填：关联后居民可跟进转出的点单">
            <View className="chips" id="visit-people">
              {people.map((p) => (
                <Text key={p.id} className={`chip${residentId === p.id ? ' chip--on' : ''}`} onClick={() => link(p)}>
                  {p.name}
                </Text>
              ))}
            </View>
            <FieldError error={error} field="residentId" />
          </FormField>
        )}
      </SectionCard>
      <SectionCard title="听到的情况">
        <View id="visit-heard">
          <TextArea className="field-box" value={heard} onChange={setHeard} placeholder="居民反映了什么、现场看到了什么（5–1000 字）" maxLength={1000} showCount autoSize />
        </View>
        <FieldError error={error} field="heard" />
        <FormField label="标签" hint={`最多 ${DIARY_LIMITS.tags} 个`}>
          <Toggles options={TAG_OPTIONS} value={tags} onChange={setTags} max={DIARY_LIMITS.tags} id="visit-tags" />
          <FieldError error={error} field="tags" />
        </FormField>
        <FormField label="照片" hint="选填">
          <PhotoPicker value={photos} onChange={setPhotos} id="visit-photos" error={firstFieldError(error, 'photos')} />
        </FormField>
      </SectionCard>
      {top && (
        <Text className="field-error" id="visit-error">
          {top}
        </Text>
      )}
      <View className="r-actions">
        <Button block type="primary" size="large" loading={busy} onClick={() => void submit()} id="visit-save">
          保存走访记录
        </Button>
      </View>
    </View>
  );
}
