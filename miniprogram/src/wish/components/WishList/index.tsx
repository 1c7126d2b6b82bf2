/** A paged list of wish cards (the shared PagedList with WishCard), with an optional action under each card. */
import type { ReactNode } from 'react';
import type { WishCard as Card } from '@shared/wishes/schemas';
import PagedList from '../../../components/PagedList';
import type { Paged } from '../../../utils/usePaged';
import WishCard from '../WishCard';

interface Props {
  list: Paged<Card>;
  id?: string;
  emptyTitle?: string;
  emptyText: string;
  action?: (wish: Card) => ReactNode;
}

export default function WishList({ action, ...rest }: Props) {
  return (
    <PagedList {...rest} className="wish-list" unit="个心愿">
      {(w) => <WishCard key={w.id} wish={w} action={action?.(w)} />}
    </PagedList>
  );
}
