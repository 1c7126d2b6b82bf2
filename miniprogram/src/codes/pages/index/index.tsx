/**
 * 民情二维码 (staff): the code of a community, grid or building I manage — or of an activity
 * (`?activityId=`) — with its content, and A4 posters to print: this node, or every building of a grid.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CODE_LEVELS } from '@shared/codes/scene';
import type { CodeView } from '@shared/codes/schemas';
import type { MeView } from '@shared/users/schemas';
import { STAFF_ROLES } from '@shared/users/roles';
import { api, messageOf } from '../../../api';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { pickArea } from '../../../utils/areaPicker';
import { openExport } from '../../../utils/download';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

/** The first node my staff roles sit on that can carry a code. */
function firstManaged(me: MeView): string | undefined {
  return me.roles.find((r) => STAFF_ROLES.includes(r.role) && (CODE_LEVELS as readonly string[]).includes(r.areaLevel))?.areaId;
}

type Subject = { kind: 'node' | 'activity'; id: string };

async function loadCode(subject: Subject | null): Promise<CodeView | null> {
  if (!subject) return null;
  return subject.kind === 'activity' ? api.codes.forActivity({ activityId: subject.id }) : api.codes.forNode({ areaId: subject.id });
}

export default function Codes() {
  const params = useRouter().params;
  const [subject, setSubject] = useState<Subject | null>(
    params.activityId ? { kind: 'activity', id: params.activityId } : params.areaId ? { kind: 'node', id: params.areaId } : null,
  );
  const code = useLoad(async () => {
    if (subject) return loadCode(subject);
    const start = firstManaged(await api.users.me());
    if (start) setSubject({ kind: 'node', id: start });
    return null;
  }, [subject]);
  const [busy, setBusy] = useState('');

  const choose = async () => {
    const node = await pickArea({ levels: CODE_LEVELS, title: '选择要生成二维码的区域' });
    if (node) setSubject({ kind: 'node', id: node.id });
  };

  const download = async (what: 'poster' | 'grid') => {
    if (subject?.kind !== 'node') return;
    setBusy(what);
    try {
      const file = what === 'grid' ? await api.codes.posterForGrid({ gridId: subject.id }) : await api.codes.poster({ areaId: subject.id });
      await openExport(file);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy('');
    }
  };

  const c = code.data;
  return (
    <View className="page codes" id="codes">
      <Text className="hint">把二维码贴在楼道、网格公示栏：居民扫码即可点单、发微心愿、一键呼叫网格长。同一区域每次生成的二维码都相同，可放心重印。</Text>
      <StatusView loading={code.loading} error={code.error} empty={!c} emptyText="请选择一个社区、网格或楼栋" onRetry={code.reload}>
        {c && (
          <SectionCard title={c.title} id="code-card">
            <View className="codes__image-wrap">
              <Image className="codes__image" id="code-image" src={c.image} mode="aspectFit" showMenuByLongpress />
            </View>
            <Text className="muted codes__content" id="code-content" userSelect>
              {c.kind === 'url' ? c.content : `小程序码 · ${c.content}`}
            </Text>
          </SectionCard>
        )}
      </StatusView>
      <View className="codes__actions">
        <Button block fill="outline" type="primary" onClick={() => void choose()}>
          选择区域
        </Button>
        {c && subject?.kind === 'node' && (
          <Button block type="primary" id="poster-node" loading={busy === 'poster'} onClick={() => void download('poster')}>
            下载本区域海报（PDF）
          </Button>
        )}
        {c?.level === 'grid' && (
          <Button block type="primary" id="poster-grid" loading={busy === 'grid'} onClick={() => void download('grid')}>
            下载全网格楼栋海报（每栋一页）
          </Button>
        )}
      </View>
    </View>
  );
}
