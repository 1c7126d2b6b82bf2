/** 派到抢单池: the grid's or the whole community's pool, optionally only for members with a skill. */
import { useState } from 'react';
import type { Skill } from '@shared/users/roles';
import { MEMBER_SKILLS } from '@shared/users/roles';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import type { Chip } from '../../../../components/ChipGroup';
import ChipGroup from '../../../../components/ChipGroup';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';
import { askConsent, CONSENT } from '../../../../utils/subscribe';

type Level = 'grid' | 'community';
const LEVELS: Array<Chip<Level>> = [
  { value: 'grid', label: '本网格党员' },
  { value: 'community', label: '全社区党员' },
];
const SKILLS: Array<Chip<Skill | 'any'>> = [{ value: 'any', label: '不限' }, ...MEMBER_SKILLS.map((s) => ({ value: s, label: s }))];

export default function PoolPopup(props: PopupProps) {
  const [level, setLevel] = useState<Level>('grid');
  const [skill, setSkill] = useState<Skill | 'any'>('any');
  const { busy, error, submit } = usePopupSubmit(props);
  const send = () => {
    askConsent(CONSENT.dispatchOrder);
    void submit(() => call('orders', 'pool', { orderId: props.orderId, level, skill: skill === 'any' ? undefined : skill }), '已派到抢单池');
  };

  return (
    <FormPopup title="派到抢单池" id="popup-pool" submitText="确认派到抢单池" busy={busy} error={error} fields={['level', 'skill']} onClose={props.onClose} onSubmit={send}>
      <FormField label="谁可以接单">
        <ChipGroup chips={LEVELS} value={level} onChange={setLevel} id="pool-level" />
        <FieldError error={error} field="level" />
      </FormField>
      <FormField label="所需技能" hint="只有具备该技能的党员能接">
        <ChipGroup chips={SKILLS} value={skill} onChange={setSkill} id="pool-skill" />
        <FieldError error={error} field="skill" />
      </FormField>
    </FormPopup>
  );
}
