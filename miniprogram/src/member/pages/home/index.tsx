/** 我的报到社区 (member): where I registered under 双报到, the community's grids, and who to call. */
import { Text, View } from '@tarojs/components';
import PhoneCall from '../../../components/PhoneCall';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import RoleTag from '../../../components/RoleTag';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { loadMyCommunities } from './loaders';
import ResponseStrip from '../../../components/ResponseStrip';
import './index.scss';

export default function MemberHome() {
  const { data, loading, error, reload } = useLoad(loadMyCommunities, []);
  usePullRefresh(reload);

  return (
    <View className="page member" id="member-communities">
      <ResponseStrip />
      <StatusView
        loading={loading}
        error={error}
        empty={!data?.length}
        emptyTitle="还没有报到社区"
        emptyText="在职党员通过“双报到”在居住地社区报到，社区审核通过后会显示在这里。"
        onRetry={reload}
      >
        {data?.map((c) => (
          <SectionCard key={c.id} title={c.name} extra={<RoleTag text="已报到" />}>
            <Text className="member__trail">{c.trail}</Text>
            <View className="member__phone">
              {c.phone ? (
                <>
                  <Text className="member__phone-text">社区电话 {c.phone}</Text>
                  {c.callable && <PhoneCall phone={c.phone} />}
                </>
              ) : (
                <Text className="muted">社区暂未公布电话</Text>
              )}
            </View>
            <Text className="member__grids-title">下辖网格（{c.grids.length}）</Text>
            {c.grids.length === 0 && <Text className="muted">暂无网格</Text>}
            {c.grids.map((g) => (
              <View key={g.id} className="member__grid">
                <Text className="member__grid-name">{g.name}</Text>
                {g.phone && g.callable && <PhoneCall phone={g.phone} />}
              </View>
            ))}
          </SectionCard>
        ))}
      </StatusView>
    </View>
  );
}
