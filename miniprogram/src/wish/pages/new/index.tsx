/**
 * 许个心愿: title, story, kind, estimated value (within the community's cap), one photo, and the beneficiary's
 * name and phone (never public). Residents post for their home; community staff choose an elderly resident's building.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { AreaView } from '@shared/areas/schemas';
import type { WishKind } from '@shared/wishes/model';
import { WISH_KINDS, WISH_KIND_HINTS, WISH_KIND_NAMES, WISH_LIMITS } from '@shared/wishes/model';
import { api, call } from '../../../api';
import { ApiError, formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import ResidentPage from '../../../components/ResidentPage';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import SubmitBar from '../../../components/SubmitBar';
import { pickArea } from '../../../utils/areaPicker';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { useLoad } from '../../../utils/useLoad';
import { useFormSubmit } from '../../../utils/useFormSubmit';
import { useDraft } from '../../../utils/draft';
import DraftNote from '../../../components/DraftNote';
import ChipGroup from '../../../components/ChipGroup';
import { FormField } from '../../../components/FormPopup';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import { firstFieldError } from '../../../utils/fieldErrors';
import OnePhoto from '../../../components/OnePhoto';
import { wishDetailUrl } from '../../routes';
import './index.scss';

const FIELDS = ['buildingId', 'title', 'story', 'kind', 'value', 'beneficiaryName', 'contactMobile', 'door', 'photo'];
const KIND_CHIPS = WISH_KINDS.map((k) => ({ value: k, label: WISH_KIND_NAMES[k] }));
const numberType = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

/** What a 心愿 draft keeps; the photo is not kept (its preview does not outlive the page). */
interface WishDraft {
  building: AreaView | null;
  title: string;
  story: string;
  kind: WishKind | null;
  value: string;
  beneficiaryName: string;
  contactMobile: string;
  door: string;
}

function fieldProblem(field: string, message: string): ApiError {
  return new ApiError('VALIDATION', message, { [field]: message });
}

export default function NewWish() {
  const [building, setBuilding] = useState<AreaView | null>(null);
  const [title, setTitle] = useState('');
  const [story, setStory] = useState('');
  const [kind, setKind] = useState<WishKind | null>(null);
  const [value, setValue] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [beneficiaryName, setBeneficiaryName] = useState('');
  const [contactMobile, setContactMobile] = useState('');
  const [door, setDoor] = useState('');
  const fields: WishDraft = { building, title, story, kind, value, beneficiaryName, contactMobile, door };
  const draft = useDraft('wish', fields, (d) => !d.title.trim() && !d.story.trim() && !d.kind);
  const { open: openDraft } = draft;
  const setup = useLoad(async () => {
    const got = await Promise.all([api.users.me(), call('wishes', 'rules', {})]);
    const kept = openDraft(got[0].id);
    if (kept) {
      setBuilding(kept.building);
      setTitle(kept.title);
      setStory(kept.story);
      setKind(kept.kind);
      setValue(kept.value);
      setBeneficiaryName(kept.beneficiaryName);
      setContactMobile(kept.contactMobile);
      setDoor(kept.door);
    }
    return got;
  }, [openDraft]);
  const [me, rules] = setup.data ?? [null, null];
  const isStaff = Boolean(me?.roles.some((r) => r.role === 'community_staff'));
  const { busy, error, setError, submit: run } = useFormSubmit();
  const home = me?.home.length ? me.home : null;
  const topMessage = formMessage(error, [...FIELDS, 'photo.0', 'photo.fileId']);

  const chooseBuilding = async () => {
    const node = await pickArea({ startId: rules?.communityId, levels: ['building'], title: '选择受助居民所在楼栋' });
    if (node) setBuilding(node);
  };

  const submit = async () => {
    askConsent(CONSENT.postWish);
    if (isStaff && !building) return setError(fieldProblem('buildingId', '请选择受助居民所在的楼栋'));
    if (!kind) return setError(fieldProblem('kind', '请选择心愿类型'));
    const amount = value.trim() === '' ? 0 : Number(value);
    if (!Number.isInteger(amount) || amount < 0) return setError(fieldProblem('value', '估算价值请填写整数（元）'));
    await run(async () => {
      const { id } = await call('wishes', 'post', {
        title: title.trim(),
        story: story.trim(),
        kind,
        value: amount,
        photo: photo?.ref,
        beneficiaryName: (beneficiaryName.trim() || (isStaff ? '' : me?.name)) ?? '',
        contactMobile: contactMobile.trim(),
        door: door.trim() || undefined,
        buildingId: isStaff ? building?.id : undefined,
        requestKey: draft.requestKey,
      });
      draft.clear();
      void Taro.showToast({ title: '心愿已提交，等待社区审核', icon: 'none' });
      await Taro.redirectTo({ url: wishDetailUrl(id) });
    });
  };

  return (
    <ResidentPage className="new-wish" id="wish-new">
      <StatusView loading={setup.loading} error={setup.error} empty={!setup.data} emptyText="加载中…" onRetry={() => void setup.reload()}>
        <Text className="hint">
          {isStaff ? '为行动不便的老人代许心愿：社区审核后发布到心愿墙，党员认领圆梦。' : '写下一个小小的心愿：社区审核后发布到心愿墙，由党员或报到单位认领圆梦。'}
        </Text>
        {draft.restored && <DraftNote id="wish-draft" />}
        <SectionCard title={isStaff ? '受助居民所在楼栋' : '为哪里许愿'} id="wish-building">
          {isStaff ? (
            <View>
              <Text className="new-wish__place">{building ? building.name : '尚未选择'}</Text>
              <Button size="small" fill="outline" type="primary" onClick={() => void chooseBuilding()}>
                {building ? '更换楼栋' : '选择楼栋'}
              </Button>
            </View>
          ) : (
            <Text className="new-wish__place">{home ? home.map((a) => a.name).join(' / ') : '请先在首页设置所住楼栋'}</Text>
          )}
          <FieldError error={error} field="buildingId" />
        </SectionCard>

        <SectionCard title="心愿">
          <FormField label="心愿标题">
            <View id="wish-title">
              <Input value={title} onChange={setTitle} placeholder="如：想要几本三年级的课外书" maxLength={WISH_LIMITS.title} />
            </View>
            <FieldError error={error} field="title" />
          </FormField>
          <FormField label="心愿故事" hint="10–500 字">
            <View id="wish-story">
              <TextArea value={story} onChange={setStory} placeholder="说说为什么想要它。社区会删去能认出您的信息后再公开。" maxLength={WISH_LIMITS.story} showCount autoSize />
            </View>
            <FieldError error={error} field="story" />
          </FormField>
          <FormField label="心愿类型">
            <ChipGroup chips={KIND_CHIPS} value={kind} onChange={setKind} id="wish-kind-choice" />
            {kind && <Text className="muted">{WISH_KIND_HINTS[kind]}</Text>}
            <FieldError error={error} field="kind" />
          </FormField>
          <FormField label="估算价值（元）" hint={rules ? `本社区上限 ${rules.valueCap} 元；陪伴、服务类填 0` : undefined}>
            <View id="wish-value">
              <Input type={numberType} value={value} onChange={setValue} placeholder="如：150" maxLength={6} />
            </View>
            <FieldError error={error} field="value" />
          </FormField>
          <FormField label="照片" hint="选填">
            <OnePhoto value={photo} onChange={setPhoto} id="wish-photo" limits error={firstFieldError(error, 'photo')} />
          </FormField>
        </SectionCard>

        <SectionCard title="受助人信息（不公开）">
          <Text className="muted">只有社区工作人员和认领心愿的党员能看到，用于联系圆梦。</Text>
          <FormField label="受助人姓名">
            <View id="wish-beneficiary">
              <Input value={beneficiaryName} onChange={setBeneficiaryName} placeholder={isStaff ? '老人的姓名' : `默认为${me?.name ?? '本人'}`} maxLength={20} />
            </View>
            <FieldError error={error} field="beneficiaryName" />
          </FormField>
          <FormField label="联系电话">
            <View id="wish-mobile">
              <Input type={numberType} value={contactMobile} onChange={setContactMobile} placeholder="11 位手机号" maxLength={11} />
            </View>
            <FieldError error={error} field="contactMobile" />
          </FormField>
          <FormField label="门牌号" hint="选填">
            <View id="wish-door">
              <Input value={door} onChange={setDoor} placeholder="如：3号楼502室" maxLength={20} />
            </View>
            <FieldError error={error} field="door" />
          </FormField>
        </SectionCard>

        <SubmitBar errorId="wish-form-error" message={topMessage} busy={busy} text="提交心愿" onSubmit={() => void submit()} />
      </StatusView>
    </ResidentPage>
  );
}
