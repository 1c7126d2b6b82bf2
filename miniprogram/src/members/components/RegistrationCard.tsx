/** One 双报到 record as staff and the member see it: who, where, which organisations, skills and times. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { RegistrationView } from '@shared/members/schemas';
import { formatWhen } from '@shared/time';
import './RegistrationCard.scss';

interface Props {
  reg: RegistrationView;
  extra?: ReactNode;
  actions?: ReactNode;
}

export default function RegistrationCard({ reg, extra, actions }: Props) {
  return (
    <View className="reg-card" id={`reg-${reg.id}`}>
      <View className="reg-card__head">
        <Text className="reg-card__name">{reg.name}</Text>
        <Text className={`reg-card__status reg-card__status--${reg.status}`}>{reg.statusName}</Text>
      </View>
      {reg.transferFromName && <Text className="reg-card__transfer">从「{reg.transferFromName}」转入</Text>}
      <Text className="reg-card__line">{`${reg.communityName} · ${reg.gridName} · ${reg.buildingName}`}</Text>
      {reg.mobile && <Text className="reg-card__line">电话：{reg.mobile}</Text>}
      <Text className="reg-card__line">所在党组织：{reg.partyOrg}</Text>
      <Text className="reg-card__line">
        工作单位：{reg.workUnit}
        {reg.orgName ? `（报到单位：${reg.orgName}）` : ''}
      </Text>
      <Text className="reg-card__line">
        技能：{reg.skills.join('、')}　可服务：{reg.availableTimes.join('、')}
      </Text>
      {reg.certNo && <Text className="reg-card__line">报到证：{reg.certNo}</Text>}
      {reg.reason && <Text className="reg-card__reason">未通过原因：{reg.reason}</Text>}
      {extra}
      <Text className="muted">
        申请于 {formatWhen(reg.createdAt)}
        {reg.decidedAt ? `，审核于 ${formatWhen(reg.decidedAt)}` : ''}
      </Text>
      {actions && <View className="reg-card__actions">{actions}</View>}
    </View>
  );
}
