/** A place in the area tree as a trail of level-labelled steps: 街镇 长征镇 → 社区 梅川一居委 → … */
import { Text, View } from '@tarojs/components';
import './AreaTrail.scss';

export interface TrailStep {
  id?: string;
  name: string;
  levelName: string;
}

interface Props {
  steps: readonly TrailStep[];
  id?: string;
  /** Called with the step's index when a step is tapped (breadcrumbs); steps are plain text otherwise. */
  onStepTap?: (index: number) => void;
}

export default function AreaTrail({ steps, id, onStepTap }: Props) {
  return (
    <View className="area-trail" id={id}>
      {steps.map((step, i) => (
        <View
          key={step.id ?? `${i}-${step.name}`}
          className={`area-trail__step${onStepTap ? ' area-trail__step--link' : ''}`}
          onClick={onStepTap ? () => onStepTap(i) : undefined}
        >
          {i > 0 && <Text className="area-trail__arrow">›</Text>}
          {step.levelName && <Text className="area-trail__level">{step.levelName}</Text>}
          <Text className="area-trail__name">{step.name}</Text>
        </View>
      ))}
    </View>
  );
}
