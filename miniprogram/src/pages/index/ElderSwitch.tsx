/** 长辈模式 switch: saved to my account, so every page and device shows large type once it is on. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
// The platform's own switch: NutUI's would cost the main package ~4 KB.
import { Switch, Text, View } from '@tarojs/components';
import { messageOf } from '../../api';
import { switchElderMode, useElderMode } from '../../utils/elder';

export default function ElderSwitch() {
  const on = useElderMode();
  const [busy, setBusy] = useState(false);
  const change = async (value: boolean) => {
    setBusy(true);
    try {
      await switchElderMode(value);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="elder-switch" id="elder-switch">
      <View>
        <Text className="elder-switch__label">长辈模式</Text>
        <Text className="elder-switch__hint">大字体、大按钮，首页只留常用功能</Text>
      </View>
      {/* nativeProps: h5 puts them on the checkbox it draws, so a screen reader names the switch. */}
      <Switch
        id="elder-switch-input"
        className="big-switch"
        nativeProps={{ 'aria-label': '长辈模式' }}
        color="#c8161d"
        checked={on}
        disabled={busy}
        onChange={(e) => void change(e.detail.value)}
      />
    </View>
  );
}
