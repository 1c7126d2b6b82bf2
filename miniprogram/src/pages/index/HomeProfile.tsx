/** The signed-in person's card stack on the home page: name, home trail, roles, abilities, entries. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { AREA_LEVEL_NAMES } from '@shared/areas/model';
import { STAFF_ROLES } from '@shared/users/roles';
import type { MeView } from '@shared/users/schemas';
import AreaTrail from '../../components/AreaTrail';
import SectionCard from '../../components/SectionCard';
import RoleTag from '../../components/RoleTag';
import { ROUTES } from '../../utils/routes';
import CallButton from './CallButton';
import ElderSwitch from './ElderSwitch';
import ResponseStrip from '../../components/ResponseStrip';
import OrderEntries from './OrderEntries';

interface Props {
  me: MeView;
}

const go = (url: string) => () => void Taro.navigateTo({ url });

export default function HomeProfile({ me }: Props) {
  const isStaff = me.roles.some((r) => STAFF_ROLES.includes(r.role));
  const isMember = me.roles.some((r) => r.role === 'member');
  const homeSteps = me.home.map((a) => ({ id: a.id, name: a.name, levelName: AREA_LEVEL_NAMES[a.level] }));

  return (
    <View>
      <View className="home__hero">
        <Text className="home__greeting">您好，</Text>
        <Text className="home__name" id="home-name">
          {me.name}
        </Text>
        {me.mobileMasked && <Text className="home__mobile">{me.mobileMasked}</Text>}
        <Text className="home__slogan">党建引领 · 网格连心</Text>
      </View>

      {/* Urgent first (issue 13): 急时 and 一键响应 not yet acknowledged, then the 待办 counts and the entries. */}
      <ResponseStrip instructions />
      <OrderEntries me={me} />

      <View className="home__call">
        <CallButton />
      </View>
      <ElderSwitch />

      <SectionCard title="我的住处" id="home-trail">
        {homeSteps.length ? <AreaTrail steps={homeSteps} /> : <Text className="muted">还没有登记住处。扫描楼栋里的民情二维码即可关联。</Text>}
      </SectionCard>

      <SectionCard title="我的角色" id="home-roles">
        {me.roles.length === 0 && <Text className="muted">暂无角色</Text>}
        {me.roles.map((r) => (
          <View key={`${r.role}@${r.areaId}`} className="home__role">
            <RoleTag text={r.roleName} />
            <Text className="home__role-trail">{r.trail}</Text>
          </View>
        ))}
      </SectionCard>

      <SectionCard title="您可以：" id="home-abilities">
        {me.abilities.map((a) => (
          <View key={a} className="home__ability">
            <Text className="home__dot">•</Text>
            <Text>{a}</Text>
          </View>
        ))}
      </SectionCard>

      <CellGroup className="home__entries" title="常用入口">
        {isStaff && <Cell title="人员与角色" description="查看辖区人员，授予或撤销角色" clickable onClick={go(ROUTES.staffPeople)} />}
        {isMember && <Cell title="我的报到社区" description="报到社区、网格与联系电话" clickable onClick={go(ROUTES.memberHome)} />}
        <Cell title="浏览网格区域" description="街镇、社区、网格、楼栋" clickable onClick={go(ROUTES.area)} />
        <Cell title="用户隐私保护指引" clickable onClick={go(ROUTES.privacy)} />
        {process.env.TARO_ENV === 'h5' && <Cell title="切换演示人员" clickable onClick={go(ROUTES.signin)} />}
      </CellGroup>
    </View>
  );
}
