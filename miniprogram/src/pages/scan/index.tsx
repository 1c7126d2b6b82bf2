/**
 * 扫码落地页: a mini-program code opens here with `scene` (URL-encoded). A building's code goes on to
 * its order page, an activity's to its check-in; a grid or community shows itself and whom to call.
 * A bad or stale code says why and offers to choose the building by hand — never a blank page; a retired building's
 * code says why and offers the replacement named when it was retired.
 */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ScanResolution } from '@shared/codes/schemas';
import { api, messageOf } from '../../api';
import EmptyState from '../../components/EmptyState';
import ResidentPage from '../../components/ResidentPage';
import StatusView from '../../components/StatusView';
import PhoneCall from '../../components/PhoneCall';
import { pickArea } from '../../utils/areaPicker';
import { useLoad } from '../../utils/useLoad';
import { newOrderUrl } from '../../orders/routes';
import './index.scss';

async function chooseByHand(): Promise<void> {
  const node = await pickArea({ levels: ['building'], title: '选择您所在的楼栋' });
  if (node) await Taro.redirectTo({ url: newOrderUrl(node.id) });
}

function Landing({ r }: { r: ScanResolution }) {
  return (
    <View className="scan__landing" id="scan-landing">
      {r.retired && (
        <Text className="scan__retired" id="scan-retired">
          {r.retired.message}
        </Text>
      )}
      <Text className="scan__level">{r.node?.levelName}</Text>
      <Text className="scan__name">{r.node?.name}</Text>
      <Text className="muted">{r.node?.trail}</Text>
      {r.contact && (
        <View className="scan__contact">
          <Text>{`${r.contact.roleName}${r.contact.name ? ` ${r.contact.name}` : ''}　${r.contact.phone}`}</Text>
          <PhoneCall phone={r.contact.phone} label="一键呼叫" />
        </View>
      )}
      <Button block type="primary" size="large" onClick={() => void Taro.navigateTo({ url: r.route })}>
        我要点单
      </Button>
    </View>
  );
}

export default function Scan() {
  const scene = useRouter().params.scene ?? '';
  const { data, loading, error } = useLoad(() => api.codes.resolve({ scene }), [scene]);
  // A landing, and a retired code's replacement, stay to be read; the others go straight on.
  const goOn = data && (data.goal === 'order' || data.goal === 'checkin');
  useEffect(() => {
    if (data && (data.goal === 'order' || data.goal === 'checkin')) void Taro.redirectTo({ url: data.route });
  }, [data]);

  return (
    <ResidentPage className="scan" id="scan">
      {error ? (
        <View id="scan-error">
          <EmptyState status="error" title="二维码无法使用" description={messageOf(error)} actionText="手动选择楼栋" onAction={() => void chooseByHand()} />
        </View>
      ) : (
        <StatusView loading={loading || Boolean(goOn)} error={null} empty={!data || Boolean(goOn)} emptyText="正在打开…">
          {data && <Landing r={data} />}
        </StatusView>
      )}
    </ResidentPage>
  );
}
