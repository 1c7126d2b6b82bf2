/** 扫码核验 (staff): a scanned 报到证 QR lands here with `?cert=`; or scan / type the number. Shows who it is and whether it is valid. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { certFromScan } from '@shared/members/model';
import { shanghaiDay } from '@shared/time';
import { api } from '../../../api';
import FieldError from '../../../components/FieldError';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

export default function VerifyCertificate() {
  const [certNo, setCertNo] = useState(useRouter().params.cert ?? '');
  const [typed, setTyped] = useState('');
  const result = useLoad(() => (certNo ? api.members.verifyCert({ certNo }) : Promise.resolve(null)), [certNo]);
  const v = result.data;

  const scan = async () => {
    const { result: scanned } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const found = certFromScan(scanned);
    if (found) setCertNo(found);
    else void Taro.showToast({ title: '这不是报到证二维码', icon: 'none' });
  };

  return (
    <View className="page verify" id="member-verify">
      <View className="verify__ask">
        <View id="verify-input" className="verify__input">
          <Input value={typed} onChange={setTyped} placeholder="输入报到证编号，如 CZ-2026-000123" maxLength={14} />
        </View>
        <Button size="small" type="primary" onClick={() => setCertNo(certFromScan(typed) ?? typed.trim())} id="verify-submit">
          核验
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button size="small" fill="outline" onClick={() => void scan().catch(() => undefined)}>
            扫码
          </Button>
        )}
      </View>
      <FieldError error={result.error} field="certNo" />
      {certNo && (
        <StatusView loading={result.loading} error={result.error} empty={!v} emptyText="" onRetry={() => void result.reload()}>
          {v && (
            <View className={`verify__card ${v.valid ? 'verify__card--ok' : 'verify__card--bad'}`} id="verify-result">
              <Text className="verify__verdict" id="verify-verdict">
                {v.valid ? '✓ 有效报到证' : `✗ 报到证已失效（${v.statusName}）`}
              </Text>
              <Text className="verify__name" id="verify-name">
                {v.name}
              </Text>
              <Text className="verify__line">证书编号：{v.certNo}</Text>
              <Text className="verify__line">
                居住：{v.communityName} · {v.gridName} · {v.buildingName}
              </Text>
              {v.mobile && <Text className="verify__line">电话：{v.mobile}</Text>}
              <Text className="verify__line">所在党组织：{v.partyOrg}</Text>
              <Text className="verify__line">
                工作单位：{v.workUnit}
                {v.orgName ? `（报到单位：${v.orgName}）` : ''}
              </Text>
              <Text className="verify__line">技能：{v.skills.join('、')}</Text>
              {v.approvedAt !== null && <Text className="verify__line">报到日期：{shanghaiDay(v.approvedAt)}</Text>}
              {v.endedAt !== null && <Text className="verify__line">转出日期：{shanghaiDay(v.endedAt)}</Text>}
            </View>
          )}
        </StatusView>
      )}
    </View>
  );
}
