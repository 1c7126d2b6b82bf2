/** 按网格的收到情况 (sender): per grid, who has said 收到 and what they replied; 提醒未收到 and 导出回复. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InstructionDetail } from '@shared/response/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import SectionCard from '../../../components/SectionCard';
import { absoluteUrl, openExport } from '../../../utils/download';

interface Props {
  detail: InstructionDetail;
  tally: NonNullable<InstructionDetail['tally']>;
  onChanged: () => void;
}

export default function Tally({ detail, tally, onChanged }: Props) {
  const [busy, setBusy] = useState<'remind' | 'export' | null>(null);
  const missing = tally.total - tally.acked;
  const run = async (what: 'remind' | 'export') => {
    setBusy(what);
    try {
      if (what === 'remind') {
        const r = await call('response', 'remind', { instructionId: detail.id });
        void Taro.showToast({ title: `已提醒 ${r.reminded} 人`, icon: 'success' });
        onChanged();
      } else {
        await openExport(await call('response', 'export', { instructionId: detail.id }));
      }
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <SectionCard title="收到情况" id="instruction-tally">
      <Text className="r-big" id="tally-summary">
        {tally.acked}/{tally.total}
      </Text>
      <Text className="r-card__meta" id="tally-missing">
        {missing === 0 ? '全部已收到' : `${missing} 人未收到`}
        {tally.lastRemindedAt ? ` · 已提醒 ${tally.remindCount} 次，最近 ${formatWhen(tally.lastRemindedAt)}` : ''}
      </Text>
      <View className="r-actions">
        <Button block type="primary" disabled={missing === 0} loading={busy === 'remind'} onClick={() => void run('remind')} id="tally-remind">
          提醒未收到
        </Button>
        <Button block fill="outline" type="primary" loading={busy === 'export'} onClick={() => void run('export')} id="tally-export">
          导出回复
        </Button>
      </View>
      {tally.groups.map((g) => (
        <View key={g.key} className="r-group tally-group" id={`tally-${g.key}`}>
          <View className="r-card__head">
            <Text className="r-card__title">{g.name}</Text>
            <Text className={`r-tag${g.acked === g.total ? ' r-tag--green' : ' r-tag--red'}`}>
              {g.acked}/{g.total}
            </Text>
          </View>
          {g.people.map((p) => (
            <View key={p.userId} className="r-person">
              <View>
                <Text className="r-person__name">{p.name}</Text>
                <Text className="muted"> {p.roleName}</Text>
                {p.reply?.text && <Text className="r-card__text">“{p.reply.text}”</Text>}
                {p.reply?.photoUrl && <Image className="r-photo" src={absoluteUrl(p.reply.photoUrl)} mode="aspectFill" />}
              </View>
              <Text className={`r-tag${p.ackedAt ? ' r-tag--green' : ' r-tag--red'}`}>{p.ackedAt ? `已收到 ${formatWhen(p.ackedAt)}` : '未收到'}</Text>
            </View>
          ))}
        </View>
      ))}
    </SectionCard>
  );
}
