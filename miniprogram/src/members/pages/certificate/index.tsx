/** 我的报到证: the certificate when approved; otherwise where the application stands (审核中 / 未通过 and why); history; 关联报到单位; 转移. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MineView } from '@shared/members/schemas';
import { api } from '../../../api';
import EmptyState from '../../../components/EmptyState';
import ResidentPage from '../../../components/ResidentPage';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { useRefreshOnReturn } from '../../../utils/listPage';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import RegistrationCard from '../../components/RegistrationCard';
import { MEMBERS_ROUTES, transferUrl } from '../../routes';
import CertificateCard from './CertificateCard';
import LinkOrgPopup from './LinkOrgPopup';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });

function Status({ mine, onLink }: { mine: MineView; onLink: () => void }) {
  const latest = mine.history[0];
  if (mine.certificate) {
    return (
      <View>
        <CertificateCard cert={mine.certificate} />
        {mine.pending && (
          <Text className="hint" id="reg-transfer-pending">
            您到「{mine.pending.communityName}」的转移申请正在审核中，审核通过前本报到证继续有效。
          </Text>
        )}
        <View className="cert-page__actions">
          <Button fill="outline" onClick={onLink} id="cert-link-org">
            关联报到单位
          </Button>
          {!mine.pending && (
            <Button fill="outline" onClick={() => go(transferUrl())} id="cert-transfer">
              搬家转移
            </Button>
          )}
        </View>
      </View>
    );
  }
  if (mine.pending) {
    return <EmptyState icon="clock" title="报到申请审核中" description={`已提交到「${mine.pending.communityName}」，社区工作人员审核后会通知您。`} />;
  }
  if (latest?.status === 'rejected') {
    return (
      <View id="reg-rejected">
        <EmptyState
          status="error"
          title="报到申请未通过"
          description={`原因：${latest.reason ?? '未说明'}`}
          actionText="修改后重新申请"
          onAction={() => go(MEMBERS_ROUTES.register)}
        />
      </View>
    );
  }
  return (
    <EmptyState
      title="您还没有双报到"
      description="在职党员到居住地社区报到后，可以接单、认领心愿、参加志愿服务。"
      actionText="去报到"
      onAction={() => go(MEMBERS_ROUTES.register)}
    />
  );
}

export default function MyCertificate() {
  const { data, loading, error, reload } = useLoad(() => api.members.mine(), []);
  const [linking, setLinking] = useState(false);
  usePullRefresh(reload);
  useRefreshOnReturn(reload);
  const earlier = data ? data.history.filter((r) => r.id !== data.active?.id && r.id !== data.pending?.id) : [];

  return (
    <ResidentPage className="cert-page" id="member-certificate">
      <StatusView loading={loading} error={error} empty={!data} emptyText="" onRetry={() => void reload()}>
        {data && (
          <View id="reg-status">
            <Status mine={data} onLink={() => setLinking(true)} />
            {earlier.length > 0 && (
              <SectionCard title="报到记录">
                <View id="reg-history">
                  {earlier.map((r) => (
                    <RegistrationCard key={r.id} reg={r} />
                  ))}
                </View>
              </SectionCard>
            )}
          </View>
        )}
      </StatusView>
      {linking && data?.active && <LinkOrgPopup reg={data.active} onClose={() => setLinking(false)} onDone={() => void reload()} />}
    </ResidentPage>
  );
}
