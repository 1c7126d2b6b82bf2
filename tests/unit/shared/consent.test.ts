/** 订阅消息 consent: the WG_SUBSCRIBE_TEMPLATES table and the template ids a tap asks for (pure, no Taro). */
import { CONSENT, MAX_TEMPLATES_PER_REQUEST, parseTemplates, templatesFor } from '../../../shared/notifications/consent';
import { templateEnv } from '../../../shared/notifications/templates';

describe('templatesFor', () => {
  it('maps each kind to its template id, in the order asked', () => {
    const table = parseTemplates('dispatched=T-dispatch, released = T-release ,claimed=T-claim');
    expect(templatesFor(table, ['released', 'dispatched'])).toEqual(['T-release', 'T-dispatch']);
    expect(templatesFor(table, ['claimed'])).toEqual(['T-claim']);
  });

  it('accepts the server spelling of a kind (WG_TEMPLATE_<KIND> upper-cases it)', () => {
    const table = parseTemplates('WISHFULFILLED=T-ful,wishlapsed=T-lapse');
    expect(templatesFor(table, CONSENT.claimWish)).toEqual(['T-ful', 'T-lapse']);
  });

  it('asks for at most 3 templates, the first kinds first', () => {
    const table = parseTemplates('pointsVerified=A,pointsReturned=B,pointsRejected=C,pointsCorrected=D');
    expect(templatesFor(table, CONSENT.declarePoints)).toEqual(['A', 'B', 'C']);
  });

  it('asks once for a template several kinds share, so a 4th kind can still fit', () => {
    const table = parseTemplates('pointsVerified=A,pointsReturned=A,pointsRejected=C,pointsCorrected=D');
    expect(templatesFor(table, CONSENT.declarePoints)).toEqual(['A', 'C', 'D']);
  });

  it('ignores unknown kinds, kinds without a template and empty entries', () => {
    const table = parseTemplates('nosuchkind=X,,=Y,claimed=,dispatched=T-dispatch,');
    expect(templatesFor(table, ['claimed', 'released'])).toEqual([]);
    expect(templatesFor(table, ['dispatched'])).toEqual(['T-dispatch']);
    expect(templatesFor(parseTemplates(''), CONSENT.fileOrder)).toEqual([]);
  });

  it('with the three library templates, every staff tap asks for all the kinds it lists', () => {
    // What a deploy configures: one template id per library title, shared by every kind of that layout.
    const env = templateEnv({ 事项进度通知: 'T-progress', 审核结果通知: 'T-review', 待办事项提醒: 'T-todo' });
    const table = parseTemplates(
      Object.entries(env)
        .map(([key, id]) => `${key.replace('WG_TEMPLATE_', '')}=${id}`)
        .join(','),
    );
    expect(templatesFor(table, CONSENT.dispatchOrder)).toEqual(['T-todo', 'T-progress']);
    expect(templatesFor(table, CONSENT.reviewWish)).toEqual(['T-todo', 'T-progress']);
    for (const tap of [CONSENT.reviewRegistration, CONSENT.forwardPoints, CONSENT.verifyPoints, CONSENT.emergencyMode]) {
      expect(templatesFor(table, tap)).toEqual(['T-todo']);
    }
  });

  it('still takes the old plain id list, for the 点单 filer only', () => {
    const table = parseTemplates('T1, T2');
    expect(templatesFor(table, CONSENT.fileOrder)).toEqual(['T1', 'T2']);
    expect(templatesFor(table, CONSENT.holdOrder)).toEqual([]);
    expect(templatesFor(parseTemplates('T1,T2,T3,T4'), CONSENT.fileOrder)).toHaveLength(MAX_TEMPLATES_PER_REQUEST);
    expect(templatesFor(parseTemplates('claimed=T-claim,T1'), CONSENT.fileOrder)).toEqual(['T-claim', 'T1']);
  });
});
