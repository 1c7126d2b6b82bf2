/** A paged list of order cards (the shared PagedList with OrderCard), with an optional action under each card. */
import type { ReactNode } from 'react';
import type { OrderCard as Card } from '@shared/orders/schemas';
import PagedList from '../../../components/PagedList';
import type { Paged } from '../../../utils/usePaged';
import OrderCard from '../OrderCard';

interface Props {
  list: Paged<Card>;
  id?: string;
  emptyTitle?: string;
  emptyText: string;
  action?: (order: Card) => ReactNode;
}

export default function OrderList({ action, ...rest }: Props) {
  return (
    <PagedList {...rest} className="order-list">
      {(o) => <OrderCard key={o.id} order={o} action={action?.(o)} />}
    </PagedList>
  );
}
