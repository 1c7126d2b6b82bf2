/** 新点单 (群众点单): building from the 民情二维码, category, description, photos, contact; similar orders to +1 instead. */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Switch, Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { OrderCategory } from '@shared/orders/model';
import { ORDER_CATEGORIES } from '@shared/orders/model';
import { api, call } from '../../../api';
import { ApiError, formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import SubmitBar from '../../../components/SubmitBar';
import { pickArea } from '../../../utils/areaPicker';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { useLoad } from '../../../utils/useLoad';
import { lastContact, rememberContact, useDraft } from '../../../utils/draft';
import DraftNote from '../../../components/DraftNote';
import { useFormSubmit } from '../../../utils/useFormSubmit';
import ChipGroup, { chipsOf } from '../../../components/ChipGroup';
import { FormField } from '../../../components/FormPopup';
import PhotoPicker from '../../../components/PhotoPicker';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import { fieldsUnder, firstFieldError } from '../../../utils/fieldErrors';
import { orderDetailUrl } from '../../../orders/routes';
import BuildingField from './BuildingField';
import type { Place } from './BuildingField';
import SimilarOrders from './SimilarOrders';
import { buildingFromParams } from './params';
import ResidentPage from '../../../components/ResidentPage';
import './index.scss';

const FIELDS = ['buildingId', 'category', 'description', 'contactName', 'contactMobile'];
const CATEGORY_CHIPS = chipsOf(ORDER_CATEGORIES);
const mobileType = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

/** What a 新点单 draft keeps; photos are not kept (a picked photo's preview does not outlive the page). */
interface OrderDraft {
  buildingId?: string;
  category: OrderCategory | null;
  description: string;
  contactName: string;
  contactMobile: string;
  anonymous: boolean;
  /** Drafts kept before the choice existed have none: off. */
  shareable?: boolean;
}

function missing(field: string, message: string): ApiError {
  return new ApiError('VALIDATION', message, { [field]: message });
}

export default function NewOrder() {
  const fromCode = buildingFromParams(useRouter().params);
  const [buildingId, setBuildingId] = useState(fromCode);
  const place = useLoad<Place | null>(() => (buildingId ? api.areas.get({ id: buildingId }) : Promise.resolve(null)), [buildingId]);
  const building = place.data?.node.level === 'building' ? place.data.node : null;
  const [category, setCategory] = useState<OrderCategory | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactMobile, setContactMobile] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [shareable, setShareable] = useState(false);
  const { busy, error, setError, submit: run } = useFormSubmit();
  const topMessage = formMessage(error, [...FIELDS, ...fieldsUnder(error, 'photos')]);

  const fields: OrderDraft = { buildingId, category, description, contactName, contactMobile, anonymous, shareable };
  const draft = useDraft('order', fields, (d) => !d.category && !d.description.trim());
  const { open: openDraft } = draft;

  useEffect(() => {
    api.users.me().then(
      (me) => {
        const kept = openDraft(me.id);
        if (kept) {
          // A code just scanned names the building: it wins over the one in the draft.
          if (!fromCode && kept.buildingId) setBuildingId(kept.buildingId);
          setCategory(kept.category);
          setDescription(kept.description);
          setContactName(kept.contactName);
          setContactMobile(kept.contactMobile);
          setAnonymous(kept.anonymous);
          setShareable(kept.shareable === true);
          return;
        }
        // The contact of the last order filed here, else the person's own name.
        const last = lastContact(me.id);
        setContactName((n) => n || last?.name || me.name);
        setContactMobile((m) => m || last?.mobile || '');
      },
      () => undefined,
    );
  }, [fromCode, openDraft]);

  const chooseBuilding = async () => {
    const start = place.data ? (building ? building.parentId : place.data.node.id) : undefined;
    const node = await pickArea({ startId: start ?? undefined, levels: ['building'], title: '选择楼栋' });
    if (node) setBuildingId(node.id);
  };

  const submit = async () => {
    askConsent(CONSENT.fileOrder);
    if (!building) return setError(missing('buildingId', '请先选择问题所在的楼栋'));
    if (!category) return setError(missing('category', '请选择问题类别'));
    await run(async () => {
      const { id } = await call('orders', 'file', {
        buildingId: building.id,
        category,
        description: description.trim(),
        photos: photos.map((p) => p.ref),
        contactName: contactName.trim(),
        contactMobile: contactMobile.trim(),
        anonymousToMembers: anonymous,
        shareable,
        requestKey: draft.requestKey,
      });
      if (draft.owner) rememberContact(draft.owner, { name: contactName.trim(), mobile: contactMobile.trim() });
      draft.clear();
      void Taro.showToast({ title: '点单已提交', icon: 'success' });
      await Taro.redirectTo({ url: orderDetailUrl(id) });
    });
  };

  return (
    <ResidentPage className="new-order" id="order-new">
      <Text className="hint">告诉网格您遇到的问题或需要的帮助，网格员会尽快分拣，党员就近接单办理。</Text>
      {draft.restored && <DraftNote id="order-draft" />}
      <SectionCard title="问题所在楼栋">
        <BuildingField place={place} error={error} onPick={() => void chooseBuilding()} />
      </SectionCard>

      <SectionCard title="问题类别">
        <ChipGroup chips={CATEGORY_CHIPS} value={category} onChange={setCategory} id="order-category" />
        <FieldError error={error} field="category" />
      </SectionCard>

      {building && category && <SimilarOrders buildingId={building.id} category={category} />}

      <SectionCard title="问题描述" id="order-description-card">
        <View id="order-description">
          <TextArea value={description} onChange={setDescription} placeholder="请描述问题的位置和情况，如：3单元楼道灯坏了一周（5–500 字）" maxLength={500} showCount autoSize />
        </View>
        <FieldError error={error} field="description" />
        <FormField label="现场照片" hint="选填">
          <PhotoPicker value={photos} onChange={setPhotos} id="order-photos" error={firstFieldError(error, 'photos')} />
        </FormField>
      </SectionCard>

      <SectionCard title="联系方式">
        <FormField label="联系人">
          <View id="order-contact-name">
            <Input value={contactName} onChange={setContactName} placeholder="怎么称呼您" maxLength={20} />
          </View>
          <FieldError error={error} field="contactName" />
        </FormField>
        <FormField label="联系电话">
          <View id="order-contact-mobile">
            <Input type={mobileType} value={contactMobile} onChange={setContactMobile} placeholder="11 位手机号" maxLength={11} />
          </View>
          <FieldError error={error} field="contactMobile" />
        </FormField>
        <SwitchRow id="order-anonymous" label="对党员匿名" hint="开启后，接单党员看不到您的姓名和电话，由网格员联系您" checked={anonymous} onChange={setAnonymous} />
        <SwitchRow
          id="order-shareable"
          label="允许分享到网格群"
          hint="开启后，看得到这个点单的人可以把它分享到网格微信群；群里的人只看到问题和进度，看不到您的电话、全名和照片"
          checked={shareable}
          onChange={setShareable}
        />
      </SectionCard>

      <SubmitBar errorId="order-form-error" message={topMessage} busy={busy} text="提交点单" onSubmit={() => void submit()}>
        <Text className="muted new-order__privacy">您的电话只有网格工作人员和接单党员可见，用于联系办理。</Text>
      </SubmitBar>
    </ResidentPage>
  );
}

/** A yes/no choice with its words: the platform's switch (NutUI's writes invalid ARIA on h5); nativeProps name it for screen readers on h5. */
function SwitchRow({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="new-order__switch">
      <View>
        <Text className="new-order__switch-label">{label}</Text>
        <Text className="muted new-order__switch-hint">{hint}</Text>
      </View>
      <Switch id={id} className="big-switch" nativeProps={{ 'aria-label': label }} color="#c8161d" checked={checked} onChange={(e) => onChange(e.detail.value)} />
    </View>
  );
}
