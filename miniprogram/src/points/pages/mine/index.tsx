/** 我的申报: every declared service with where it stands (待汇总 / 待核实 / 已记分 / 退回 with the reason). */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../../api';
import ResidentPage from '../../../components/ResidentPage';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useListPage } from '../../../utils/listPage';
import DeclarationCard from '../../components/DeclarationCard';
import PagedList from '../../../components/PagedList';
import { POINTS_ROUTES } from '../../routes';

export default function MyDeclarations() {
  const list = usePaged((page) => call('points', 'myDeclarations', { page, pageSize: PAGE_SIZE }), []);
  useListPage(list);
  return (
    <ResidentPage id="points-declarations">
      <View style={{ margin: '24px' }}>
        <Button block type="primary" onClick={() => void Taro.navigateTo({ url: POINTS_ROUTES.declare })} id="declarations-new">
          申报一次服务
        </Button>
      </View>
      <PagedList list={list} id="declarations-list" emptyTitle="还没有申报" emptyText="参加社区服务后，在这里申报时长和内容，核实后记入积分。">
        {(d) => <DeclarationCard key={d.id} d={d} />}
      </PagedList>
    </ResidentPage>
  );
}
