/**
 * 12345 工单 (community staff, street admins): pick the street's hotline export, see every problem row and how many tickets
 * land on a building, import in steps with progress (hotline.import until `next` is null; the same file again creates
 * nothing), place queued tickets on a building by hand, and download the results in the file's own layout.
 */
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { TREE_EDITORS } from '@shared/areas/permissions';
import type { AreaWithTrail } from '@shared/areas/schemas';
import type { HotlinePreview, HotlinePreviewInput, QueuedTicket } from '@shared/orders/hotlineApi';
import { HOTLINE_MAX_BYTES } from '@shared/orders/hotline';
import { HOTLINE_PART_CHARS } from '@shared/orders/hotlineApi';
import { api } from '../../../api';
import { messageOf } from '../../../api/errors';
import EmptyState from '../../../components/EmptyState';
import StatusView from '../../../components/StatusView';
import { openExport } from '../../../utils/download';
import { useLoad } from '../../../utils/useLoad';
import type { PickedSheet } from '../../pickSheet';
import { pickSheet } from '../../pickSheet';
import Mapping from './Mapping';
import './index.scss';

/** Sends the file up in parts (the body limit is 1 MB) and answers what preview and import take. */
async function upload(file: PickedSheet): Promise<HotlinePreviewInput> {
  const uploadId = `up${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const parts = Math.max(1, Math.ceil(file.data.length / HOTLINE_PART_CHARS));
  for (let part = 0; part < parts; part++) await api.hotline.upload({ uploadId, part, data: file.data.slice(part * HOTLINE_PART_CHARS, (part + 1) * HOTLINE_PART_CHARS) });
  return { uploadId, parts, fileName: file.fileName };
}

function Placing({ ticket, withinId, onPlaced }: { ticket: QueuedTicket; withinId?: string; onPlaced: () => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AreaWithTrail[]>([]);
  const [error, setError] = useState('');
  const search = async () => {
    setError('');
    try {
      setFound((await api.areas.search({ q, level: 'building', limit: 10, ...(withinId ? { withinId } : {}) })).items);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const place = async (buildingId: string) => {
    try {
      await api.hotline.place({ ticketId: ticket.id, buildingId });
      onPlaced();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <View className="hotline-card__actions" id="hotline-placing">
      <Input className="hotline-search" value={q} placeholder="输入楼栋名称，如 3号楼" onInput={(e) => setQ(e.detail.value)} id="hotline-search" />
      <Button size="small" type="primary" disabled={!q.trim()} onClick={() => void search()} id="hotline-search-go">
        搜索
      </Button>
      {found.map((b) => (
        <Button key={b.id} size="small" fill="outline" onClick={() => void place(b.id)} className="hotline-building">
          {`${b.trail} / ${b.name}`}
        </Button>
      ))}
      {error && <Text className="hotline-error">{error}</Text>}
    </View>
  );
}

export default function Hotline() {
  const me = useLoad(() => api.users.me(), []);
  const editor = (me.data?.roles ?? []).some((r) => TREE_EDITORS.includes(r.role));
  // Searches for a building stay within the staff member's own (highest) node.
  const withinId = (me.data?.roles ?? []).filter((r) => TREE_EDITORS.includes(r.role)).sort((a, b) => a.trail.length - b.trail.length)[0]?.areaId;
  const queue = useLoad(() => (editor ? api.hotline.queue({}) : Promise.resolve({ items: [], total: 0 })), [editor]);
  const [file, setFile] = useState<HotlinePreviewInput | null>(null);
  const [preview, setPreview] = useState<HotlinePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number; created: number; queued: number; finished: boolean } | null>(null);
  const [placing, setPlacing] = useState<string | null>(null);
  // Placed here: the ticket's mark is written just after the answer (an effect), so the list drops it at once.
  const [placed, setPlaced] = useState<string[]>([]);
  const [fileHeader, setFileHeader] = useState<string[]>([]);

  const choose = async () => {
    setError('');
    const picked = await pickSheet();
    if (!picked) return;
    // Refused here before sending megabytes for nothing; the server says the same for a file that gets past.
    const bytes = Math.floor((picked.data.length * 3) / 4);
    if (bytes > HOTLINE_MAX_BYTES) return setError(`文件有 ${(bytes / 1024 / 1024).toFixed(1)} MB，一次最多导入 20 MB：请分几个文件导入`);
    setPreview(null);
    setProgress(null);
    setBusy(true);
    try {
      const sent = await upload(picked);
      setFile(sent);
      const seen = await api.hotline.preview(sent);
      setPreview(seen);
      setFileHeader(seen.header);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file || !preview || busy) return;
    setBusy(true);
    setError('');
    const state = { done: 0, total: preview.tickets, created: 0, queued: 0, finished: false };
    setProgress({ ...state });
    try {
      for (let from: number | null = 0; from !== null;) {
        const step = await api.hotline.import({ ...file, from });
        state.done = step.next ?? step.total;
        state.created += step.created;
        state.queued += step.queued;
        setProgress({ ...state });
        from = step.next;
      }
      setProgress({ ...state, finished: true });
      setPreview(null);
      queue.reload();
    } catch (e) {
      setError(`${messageOf(e)}。已导入的工单不会重复，请重新选择同一文件导入剩下的部分。`);
    } finally {
      setBusy(false);
    }
  };

  const download = async (format: 'xlsx' | 'csv') => {
    try {
      await openExport(await api.hotline.export({ format }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  // A new 列对应 reads the chosen file again.
  const remap = async () => {
    if (!file || progress) return;
    try {
      setPreview(await api.hotline.preview(file));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const problems = preview?.problems ?? [];
  const waiting = (queue.data?.items ?? []).filter((t) => !placed.includes(t.id));
  const waitingTotal = (queue.data?.total ?? 0) - ((queue.data?.items.length ?? 0) - waiting.length);
  return (
    <View className="page staff hotline" id="hotline">
      <StatusView loading={me.loading} error={me.error} empty={!me.data} emptyText="加载中…" onRetry={me.reload}>
        {!editor ? (
          <EmptyState title="暂无权限" description="只有社区工作人员和街道管理员可以导入 12345 工单。" />
        ) : (
          <View>
            <View className="hotline-card">
              <Text className="hotline-card__title">导入 12345 工单</Text>
              <Text className="muted">街道的热线导出表（.xlsx 或 .csv），表头：工单编号、来电时间、诉求内容、诉求地址、联系人、联系电话、办理时限、诉求分类。</Text>
              <Button block type="primary" loading={busy && !progress} disabled={busy} onClick={() => void choose()} id="hotline-choose">
                {file ? '重新选择文件' : '选择文件'}
              </Button>
              {error && (
                <Text className="hotline-error" id="hotline-error">
                  {error}
                </Text>
              )}
            </View>
            {preview && (
              <View className="hotline-card" id="hotline-preview">
                <Text className="hotline-card__text">{`导入到「${preview.areaName}」：${preview.tickets} 张工单，${preview.placed} 张能对应到楼栋，${preview.queued} 张待定位，${preview.existing} 张已导入过`}</Text>
                {problems.length > 0 && (
                  <View id="hotline-problems">
                    <Text className="hotline-error">{`有 ${preview.problemCount} 行有问题，不会导入：`}</Text>
                    {problems.map((p) => (
                      <Text key={`${p.row}:${p.message}`} className="hotline-row">
                        {p.message}
                      </Text>
                    ))}
                  </View>
                )}
                <Button block type="primary" disabled={busy || preview.tickets === 0} loading={busy} onClick={() => void confirm()} id="hotline-confirm">
                  {`确认导入 ${preview.tickets} 张工单`}
                </Button>
              </View>
            )}
            {progress && (
              <View className="hotline-card" id="hotline-progress">
                <Text className="hotline-card__text">
                  {progress.finished ? `导入完成：新建点单 ${progress.created} 个，待定位 ${progress.queued} 张` : `正在导入：${progress.done} / ${progress.total}`}
                </Text>
                <View className="hotline-bar">
                  <View className="hotline-bar__fill" style={{ width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 100}%` }} />
                </View>
              </View>
            )}
            <View className="hotline-card" id="hotline-queue">
              <Text className="hotline-card__title">{`待定位（${waitingTotal}）`}</Text>
              {waiting.length === 0 && <Text className="muted">没有待定位的工单</Text>}
              {waiting.map((t) => (
                <View key={t.id} className="hotline-row">
                  <Text>{`${t.ticket}：${t.address}`}</Text>
                  <Text className="muted">{t.reason === 'ambiguous' ? `地址不明确，可能是：${t.candidates.join('；')}` : '地址对不上任何楼栋'}</Text>
                  <Text className="muted">{t.content}</Text>
                  {placing === t.id ? (
                    <Placing
                      ticket={t}
                      withinId={withinId}
                      onPlaced={() => {
                        setPlacing(null);
                        setPlaced([...placed, t.id]);
                        void queue.refresh();
                      }}
                    />
                  ) : (
                    <Button size="small" fill="outline" onClick={() => setPlacing(t.id)} className="hotline-place">
                      定位到楼栋
                    </Button>
                  )}
                </View>
              ))}
            </View>
            <Mapping fileHeader={fileHeader} onSaved={() => void remap()} />
            <View className="hotline-card">
              <Text className="hotline-card__title">导出办理结果</Text>
              <Text className="muted">按导入时的表头导出，后加办理结果、办结时间、回访结果。</Text>
              <View className="hotline-card__actions">
                <Button size="small" fill="outline" onClick={() => void download('xlsx')} id="hotline-export-xlsx">
                  导出（Excel）
                </Button>
                {process.env.TARO_ENV === 'h5' && (
                  <Button size="small" fill="outline" onClick={() => void download('csv')} id="hotline-export-csv">
                    导出（CSV）
                  </Button>
                )}
              </View>
            </View>
          </View>
        )}
      </StatusView>
    </View>
  );
}
