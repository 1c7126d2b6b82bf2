/**
 * 导入网格树 (community staff, street admins): download the template, pick the filled sheet (h5: a file input; weapp: a file
 * from a chat, wx.chooseMessageFile), see what it would create or every problem row by its number, then confirm. The
 * import runs in steps the server sizes (areas.import until nothing remains), shown as progress; a step cut short is
 * finished by importing the same file again, which creates nothing twice.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { TREE_EDITORS } from '@shared/areas/permissions';
import type { ImportPreview } from '@shared/areas/schemas';
import { api } from '../../../api';
import { messageOf } from '../../../api/errors';
import EmptyState from '../../../components/EmptyState';
import StatusView from '../../../components/StatusView';
import { openExport } from '../../../utils/download';
import { useLoad } from '../../../utils/useLoad';
import type { PickedSheet } from '../../pickSheet';
import { pickSheet } from '../../pickSheet';
import './index.scss';

const toCreate = (p: ImportPreview) => p.create.zone + p.create.grid + p.create.microgrid + p.create.building;

export default function TreeImport() {
  const me = useLoad(() => api.users.me(), []);
  const editor = (me.data?.roles ?? []).some((r) => TREE_EDITORS.includes(r.role));
  const [file, setFile] = useState<PickedSheet | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [finished, setFinished] = useState<number | null>(null);

  const template = async (format: 'xlsx' | 'csv') => {
    try {
      await openExport(await api.areas.importTemplate({ format }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const choose = async () => {
    setError('');
    const picked = await pickSheet();
    if (!picked) return;
    setFile(picked);
    setPreview(null);
    setFinished(null);
    setProgress(null);
    setBusy(true);
    try {
      setPreview(await api.areas.previewImport(picked));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file || !preview || busy) return;
    const total = toCreate(preview);
    setBusy(true);
    setError('');
    let done = progress?.done ?? 0;
    setProgress({ done, total });
    try {
      for (let i = 0; i < 50; i++) {
        const step = await api.areas.import(file);
        done += step.created;
        setProgress({ done: Math.min(done, total), total });
        if (step.remaining === 0) break;
      }
      setFinished(done);
      setPreview(null);
    } catch (e) {
      setError(`${messageOf(e)}。已写入的区域不会重复，请点“继续导入”完成剩下的部分。`);
    } finally {
      setBusy(false);
    }
  };

  const problems = preview?.problems ?? [];
  return (
    <View className="page staff tree-import" id="tree-import">
      <StatusView loading={me.loading} error={me.error} empty={!me.data} emptyText="加载中…" onRetry={me.reload}>
        {!editor ? (
          <EmptyState title="暂无权限" description="只有社区工作人员和街道管理员可以导入网格树；网格长、网格员请联系社区。" />
        ) : (
          <View>
            <View className="import-card">
              <Text className="import-card__title">1. 下载模板</Text>
              <Text className="muted">每行一个区域：片区、社区、网格、微网格（可空）、楼栋是它的上级路径，最右边填的就是这一行的区域，电话是它的电话。已填好本辖区的社区。</Text>
              <View className="import-card__actions">
                <Button size="small" fill="outline" onClick={() => void template('xlsx')} id="import-template-xlsx">
                  下载模板（Excel）
                </Button>
                {process.env.TARO_ENV === 'h5' && (
                  <Button size="small" fill="outline" onClick={() => void template('csv')} id="import-template-csv">
                    下载模板（CSV）
                  </Button>
                )}
              </View>
            </View>
            <View className="import-card">
              <Text className="import-card__title">2. 选择填好的表格</Text>
              <Text className="muted">{process.env.TARO_ENV === 'h5' ? '.xlsx 或 .csv 文件' : '从微信聊天中选择 .xlsx 或 .csv 文件（先把表格发给自己或文件传输助手）'}</Text>
              <Button block type="primary" loading={busy && !progress} disabled={busy} onClick={() => void choose()} id="import-choose">
                {file ? '重新选择文件' : '选择文件'}
              </Button>
              {file && <Text className="muted import-file" id="import-file">{`已选择：${file.fileName}`}</Text>}
            </View>
            {error && (
              <Text className="import-error" id="import-error">
                {error}
              </Text>
            )}
            {preview && (
              <View className="import-card" id="import-preview">
                <Text className="import-card__title">3. 预览</Text>
                <Text className="import-card__text">{`导入到「${preview.root.name}」，共 ${preview.rows} 行`}</Text>
                {problems.length ? (
                  <View id="import-problems">
                    <Text className="import-error import-card__text">{`有 ${preview.problemCount} 处问题，改好后重新选择文件；全部改好之前不会写入任何区域：`}</Text>
                    {problems.map((p) => (
                      <Text key={`${p.row}:${p.message}`} className="import-problem">
                        {p.message}
                      </Text>
                    ))}
                    {preview.problemCount > problems.length && <Text className="muted">{`……另有 ${preview.problemCount - problems.length} 处未列出`}</Text>}
                  </View>
                ) : (
                  <View id="import-summary">
                    <Text className="import-card__text">{`将新增 片区 ${preview.create.zone} 个、网格 ${preview.create.grid} 个、${preview.create.microgrid ? `微网格 ${preview.create.microgrid} 个、` : ''}楼栋 ${preview.create.building} 个`}</Text>
                    <Text className="muted">{`已存在的 ${preview.existing} 个按名称认出，不重复建、不改动`}</Text>
                    <Button block type="primary" disabled={busy || toCreate(preview) === 0} loading={busy} onClick={() => void confirm()} id="import-confirm">
                      {toCreate(preview) === 0 ? '没有要新增的区域' : progress ? '继续导入' : `确认导入 ${toCreate(preview)} 个区域`}
                    </Button>
                  </View>
                )}
              </View>
            )}
            {progress && (
              <View className="import-card" id="import-progress">
                <Text className="import-card__text">{finished === null ? `正在导入：${progress.done} / ${progress.total}` : `导入完成：新增 ${finished} 个区域`}</Text>
                <View className="import-bar">
                  <View className="import-bar__fill" style={{ width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 100}%` }} />
                </View>
                {finished !== null && (
                  <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: '/staff/pages/tree/index' })} id="import-to-tree">
                    查看网格树
                  </Button>
                )}
              </View>
            )}
          </View>
        )}
      </StatusView>
    </View>
  );
}
