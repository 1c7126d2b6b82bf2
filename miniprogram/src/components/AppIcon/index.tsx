/**
 * The app's icons, by what they stand for, from @nutui/icons-react-taro (SVG masks tinted by `color`, no remote font).
 * One table so a page names a meaning, not a glyph; each icon costs the main package about 1 KB, so the set stays
 * small (the main package's 450 KB) and meanings share icons where people would not tell them apart anyway.
 */
import type { ComponentType } from 'react';
import { Category, Clock, Edit, Heart, Home, List, Message, Notice, Order, QrCode, Star, Success, Tips, User, Warning } from '@nutui/icons-react-taro';

const ICONS = {
  home: Home,
  write: Edit,
  orders: Order,
  messages: Message,
  wish: Heart,
  person: User,
  board: Category,
  clock: Clock,
  points: Star,
  list: List,
  review: Success,
  code: QrCode,
  notice: Notice,
  warning: Warning,
  tips: Tips,
} satisfies Record<string, ComponentType<{ size?: number | string; color?: string; className?: string }>>;

export type IconName = keyof typeof ICONS;

interface Props {
  name: IconName;
  /** In CSS px (an inline style, which Taro does not scale like the stylesheets' design px). */
  size?: number;
  color?: string;
  className?: string;
}

export default function AppIcon({ name, size = 24, color, className }: Props) {
  const Icon = ICONS[name];
  return <Icon size={size} color={color} className={className} />;
}
