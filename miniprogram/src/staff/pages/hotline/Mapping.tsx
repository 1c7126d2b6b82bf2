/**
 * 列对应: which header of the street's hotline export each field reads. Street admins change it by picking from the header
 * of the file they chose (hotline.preview answers it) and save it for the whole street; community staff read it.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HotlineField } from '@shared/orders/hotline';
import { api } from '../../../api';
import { messageOf } from '../../../api/errors';
import { useLoad } from '../../../utils/useLoad';

export default function Mapping({ fileHeader, onSaved }: { fileHeader: string[]; onSaved: () => void }) {
  const view = useLoad(() => api.hotline.mapping({}), []);
  const [draft, setDraft] = useState<Partial<Record<HotlineField, string>>>({});
  const [picking, setPicking] = useState<HotlineField | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  const data = view.data;
  if (!data) return null;
  const changed = data.fields.filter((f) => draft[f.field] !== undefined && draft[f.field] !== f.header);

  const save = async () => {
    setBusy(true);
    setError('');
    try {
      await api.hotline.setMapping({ mapping: { ...data.headers, ...draft } });
      setDraft({});
      setSaid('已保存，本街道之后的导入都按这个列对应读');
      view.reload();
      onSaved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="hotline-card" id="hotline-mapping">
      <Text className="hotline-card__title">{`列对应（${data.streetName}）`}</Text>
      <Text className="muted">
        {data.saved ? '本街道已保存自己的列名。' : '按 12345 导出表的常用列名读。'}
        {data.canEdit
          ? fileHeader.length
            ? '可从所选文件的表头中为每一项选列。'
            : '选择一个导出表后，可从它的表头中为每一项选列。'
          : '列对应按街道保存，只有街道管理员可以修改。'}
      </Text>
      {data.fields.map((f) => (
        <View key={f.field} className="hotline-row" id={`hotline-map-${f.field}`}>
          <View className="hotline-map__line">
            <Text className="hotline-map__label">{`${f.label}${f.required ? '（必填）' : ''}`}</Text>
            <Text className="hotline-map__header">{`读「${draft[f.field] ?? f.header}」列`}</Text>
            {data.canEdit && fileHeader.length > 0 && (
              <Button size="small" fill="outline" className="hotline-map__pick" onClick={() => setPicking(picking === f.field ? null : f.field)}>
                选列
              </Button>
            )}
          </View>
          {picking === f.field && (
            <View className="hotline-card__actions hotline-map__choices">
              {fileHeader.map((h) => (
                <Button
                  key={h}
                  size="small"
                  type={(draft[f.field] ?? f.header) === h ? 'primary' : 'default'}
                  className="hotline-map__choice"
                  onClick={() => {
                    setDraft({ ...draft, [f.field]: h });
                    setPicking(null);
                    setSaid('');
                  }}
                >
                  {h}
                </Button>
              ))}
            </View>
          )}
        </View>
      ))}
      {error && (
        <Text className="hotline-error" id="hotline-map-error">
          {error}
        </Text>
      )}
      {said && (
        <Text className="muted" id="hotline-map-said">
          {said}
        </Text>
      )}
      {data.canEdit && changed.length > 0 && (
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void save()} id="hotline-map-save">
          {`保存列对应（改了 ${changed.length} 项）`}
        </Button>
      )}
    </View>
  );
}
