/** Adds or edits one 职责清单 entry: the list it sits in, its name, the party (a named 职能部门), its category and keywords. */
import { useState } from 'react';
import { Input } from '@nutui/nutui-react-taro';
import type { DutyEntry, DutyList, DutyParty } from '@shared/duties/model';
import { DUTY_LISTS, DUTY_LIST_NAMES, DUTY_PARTIES, DUTY_PARTY_NAMES } from '@shared/duties/model';
import type { OrderCategory } from '@shared/orders/model';
import { ORDER_CATEGORIES } from '@shared/orders/model';
import { call } from '../../../api';
import ChipGroup, { chipsOf } from '../../../components/ChipGroup';
import FieldError from '../../../components/FieldError';
import FormPopup, { FormField } from '../../../components/FormPopup';
import { usePopupSubmit } from '../../../utils/usePopupSubmit';
import '../../../components/fieldBox.scss';

interface Props {
  areaId: string;
  /** The entry edited, or a new one's list. */
  entry: DutyEntry | { list: DutyList };
  onClose: () => void;
  /** Saved: close, say `message`, reload the list. */
  onDone: (message: string) => void;
}

const NO_CATEGORY = '不限类别';

export default function EntryPopup({ areaId, entry, onClose, onDone }: Props) {
  const old = 'id' in entry ? entry : null;
  const [list, setList] = useState<DutyList>(entry.list);
  const [item, setItem] = useState(old?.item ?? '');
  const [party, setParty] = useState<DutyParty>(old?.party ?? 'community');
  const [department, setDepartment] = useState(old?.department ?? '');
  const [category, setCategory] = useState<OrderCategory | typeof NO_CATEGORY>(old?.category ?? NO_CATEGORY);
  const [keywords, setKeywords] = useState(old?.keywords.join('、') ?? '');
  const { busy, error, submit } = usePopupSubmit({ onDone, onStale: onClose });
  const send = () => {
    const words = keywords.split(/[、,，\s]+/).filter(Boolean);
    const data = {
      areaId,
      entryId: old?.id,
      list,
      item,
      party,
      // Blank goes as absent, so the server names what is missing in its own words.
      department: party === 'department' && department.trim() ? department : undefined,
      category: category === NO_CATEGORY ? undefined : category,
      keywords: words,
    };
    void submit(() => call('duties', 'set', data), old ? '已保存' : '已添加');
  };
  return (
    <FormPopup
      title={old ? '编辑清单事项' : '添加清单事项'}
      id="popup-duty"
      submitText="保存"
      busy={busy}
      error={error}
      fields={['list', 'item', 'party', 'department', 'category', 'keywords']}
      onClose={onClose}
      onSubmit={send}
    >
      <FormField label="所属清单">
        <ChipGroup chips={DUTY_LISTS.map((l) => ({ value: l, label: DUTY_LIST_NAMES[l] }))} value={list} onChange={setList} id="duty-list" />
        <FieldError error={error} field="list" />
      </FormField>
      <FormField label="事项名称">
        <Input className="field-box" id="duty-item" value={item} onChange={setItem} placeholder="如：电梯故障" maxLength={30} />
        <FieldError error={error} field="item" />
      </FormField>
      <FormField label="责任主体">
        <ChipGroup chips={DUTY_PARTIES.map((p) => ({ value: p, label: DUTY_PARTY_NAMES[p] }))} value={party} onChange={setParty} id="duty-party" />
        {party === 'department' && (
          <Input className="field-box" id="duty-department" value={department} onChange={setDepartment} placeholder="部门名称，如城管、派出所" maxLength={20} />
        )}
        <FieldError error={error} field="party" />
        <FieldError error={error} field="department" />
      </FormField>
      <FormField label="点单类别" hint="选了类别，该类点单没有命中关键词时也按此建议">
        <ChipGroup chips={chipsOf([NO_CATEGORY, ...ORDER_CATEGORIES] as const)} value={category} onChange={setCategory} id="duty-category" />
        <FieldError error={error} field="category" />
      </FormField>
      <FormField label="关键词" hint="居民描述里出现这些词时建议此事项，用顿号隔开">
        <Input className="field-box" id="duty-keywords" value={keywords} onChange={setKeywords} placeholder="如：电梯、困梯" maxLength={120} />
        <FieldError error={error} field="keywords" />
      </FormField>
    </FormPopup>
  );
}
