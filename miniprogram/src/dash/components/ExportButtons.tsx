/** 导出: the period's orders with their timeline summary, and the year's points ledger of members registered here. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ExportView, SummaryInput } from '@shared/dashboard/schemas';
import { api, messageOf } from '../../api';
import { openExport } from '../../utils/download';

export default function ExportButtons({ query, year }: { query: SummaryInput; year: number }) {
  const [busy, setBusy] = useState<'orders' | 'ledger' | null>(null);
  const run = async (kind: 'orders' | 'ledger', make: () => Promise<ExportView>) => {
    setBusy(kind);
    try {
      const file = await make();
      await openExport(file);
      void Taro.showToast({ title: `已导出 ${file.rows} 行`, icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="dash-exports" id="dash-exports">
      <Button
        id="export-orders"
        size="small"
        type="primary"
        fill="outline"
        loading={busy === 'orders'}
        disabled={busy !== null}
        onClick={() => void run('orders', () => api.dashboard.exportOrders(query))}
      >
        导出点单明细
      </Button>
      <Button
        id="export-ledger"
        size="small"
        type="primary"
        fill="outline"
        loading={busy === 'ledger'}
        disabled={busy !== null}
        onClick={() => void run('ledger', () => api.dashboard.exportLedger({ areaId: query.areaId, year }))}
      >
        {`导出${year}年积分台账`}
      </Button>
    </View>
  );
}
