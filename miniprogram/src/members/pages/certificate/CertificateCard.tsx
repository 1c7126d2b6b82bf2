/** The digital 报到证: name, community, number, organisation, date and the QR staff scan to confirm who this is. */
import { Image, Text, View } from '@tarojs/components';
import type { CertificateView } from '@shared/members/schemas';
import { shanghaiDay } from '@shared/time';

export default function CertificateCard({ cert }: { cert: CertificateView }) {
  return (
    <View className="cert" id="cert-card">
      <Text className="cert__title">在职党员进社区报到证</Text>
      <Text className="cert__name" id="cert-name">
        {cert.name}
      </Text>
      <View className="cert__rows">
        <Text className="cert__row">
          报到社区：{cert.communityName} · {cert.gridName}
        </Text>
        <Text className="cert__row">所在党组织：{cert.partyOrg}</Text>
        {cert.orgName && <Text className="cert__row">报到单位：{cert.orgName}</Text>}
        <Text className="cert__row">报到日期：{shanghaiDay(cert.approvedAt)}</Text>
        <Text className="cert__row">
          证书编号：
          <Text className="cert__no" id="cert-no">
            {cert.certNo}
          </Text>
        </Text>
      </View>
      <Image className="cert__qr" id="cert-qr" src={cert.qr} />
      <Text className="cert__tip">社区和网格工作人员扫码可核验身份</Text>
    </View>
  );
}
