/**
 * Bench section "Orders (issue 3)": database round trips per action (every port call counted),
 * file/claim/complete latency through the HTTP server under 50 keep-alive connections, and the
 * order hall on 100,000 orders with its query plans.
 */
import { demoAreas } from '../../local/seed';
import type { BenchContext, Figures, Section, SectionResult } from './report';
import { seededTemplate } from './order-common';
import { measureHall, renderHall } from './order-hall';
import { measureLoad, renderLoad } from './order-load';
import { measureAllTrips, renderTrips } from './order-trips';

async function run(ctx: BenchContext): Promise<SectionResult> {
  const tree = demoAreas();
  const template = await seededTemplate();
  const trips = await measureAllTrips(template);
  const load = await measureLoad(ctx, tree);
  const hall = await measureHall(ctx, tree, template);
  const figures: Figures = {};
  const markdown = [renderTrips(trips, figures), renderLoad(load, figures), renderHall(hall, figures)].join('\n\n');
  return { markdown, figures };
}

export const ordersSection: Section = {
  id: 'orders',
  title: 'Orders (issue 3)',
  run,
};
