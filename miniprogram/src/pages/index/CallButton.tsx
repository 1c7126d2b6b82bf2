/** 一键呼叫: one large button that rings the grid leader of my building (or the community office). */
import { Text, View } from '@tarojs/components';
import { api } from '../../api';
import { dial, telHref } from '../../utils/phone';
import { useLoad } from '../../utils/useLoad';

export default function CallButton({ tile = false }: { tile?: boolean }) {
  const { data } = useLoad(() => api.users.callContact(), []);
  const c = data?.contact;
  const who = c ? `${c.roleName}${c.name ? ` ${c.name}` : ''} · ${c.areaName}` : data ? '登记住处后可用' : '正在查找…';
  const body = (
    <View className={`call-button${tile ? ' call-button--tile' : ''}${c ? '' : ' call-button--off'}`}>
      <Text className="call-button__icon">☎</Text>
      <View className="call-button__text">
        <Text className="call-button__label">一键呼叫</Text>
        <Text className="call-button__who">{who}</Text>
      </View>
    </View>
  );
  if (!c) return <View id="call-button">{body}</View>;
  return process.env.TARO_ENV === 'h5' ? (
    <a id="call-button" className="call-button__link" href={telHref(c.phone)}>
      {body}
    </a>
  ) : (
    <View id="call-button" onClick={() => dial(c.phone)}>
      {body}
    </View>
  );
}
