/** 我的双报到 and the digital 报到证 with its QR; staff scan that QR to confirm who the member is. */
import { AppError } from '../../shared/errors';
import { REGISTRATION_STATUS_NAMES, verifyRoute } from '../../shared/members/model';
import { canVerifyAt } from '../../shared/members/permissions';
import type { CertificateView, MineView, RegistrationView, VerifyCertInput, VerifyView } from '../../shared/members/schemas';
import { isStaff } from '../../shared/users/permissions';
import type { Ctx } from '../runtime/types';
import { registrations } from './repo';
import { mobileFor, namesFor, toRegistrationView } from './views';

/**
 * The QR must open in a phone's camera, so it holds the full web URL of the verify page (weapp staff
 * scan it in the page, which reads the number out). Same origin rule as the 民情二维码 (ports/local).
 */
export function verifyUrl(certNo: string): string {
  const base = (process.env.WG_PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`).replace(/\/+$/, '');
  return `${base}/#/${verifyRoute(certNo)}`;
}

async function certificateOf(view: RegistrationView): Promise<CertificateView | null> {
  if (!view.certNo || view.decidedAt === null) return null;
  const url = verifyUrl(view.certNo);
  // Loaded at first use: only certificate views draw a QR, and the members bundle keeps qrcode in a side file.
  const QRCode = await import('qrcode');
  return {
    certNo: view.certNo,
    name: view.name,
    communityName: view.communityName,
    gridName: view.gridName,
    orgName: view.orgName,
    partyOrg: view.partyOrg,
    approvedAt: view.decidedAt,
    qr: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 }),
    verifyUrl: url,
  };
}

export async function myRegistrations(ctx: Ctx): Promise<MineView> {
  const docs = await registrations(ctx.store).find(
    { memberId: ctx.actor.userId },
    {
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      limit: 50,
    },
  );
  const names = await namesFor(ctx.store, docs);
  const history = docs.map((d) => toRegistrationView(d, names, ctx.actor));
  const active = history.find((r) => r.status === 'approved') ?? null;
  const pending = history.find((r) => r.status === 'pending') ?? null;
  return { active, pending, history, certificate: active ? await certificateOf(active) : null };
}

/** 扫码核验: staff whose area holds the member's home see who it is and whether the certificate is still valid. */
export async function verifyCert(ctx: Ctx, input: VerifyCertInput): Promise<VerifyView> {
  const [doc] = await registrations(ctx.store).find({ certNo: input.certNo }, { limit: 1 });
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这张报到证，请核对编号');
  if (!canVerifyAt(ctx.actor, doc.path)) {
    throw new AppError('FORBIDDEN', isStaff(ctx.actor) ? '这张报到证不属于您负责的区域' : '只有网格和社区工作人员可以核验报到证');
  }
  const view = toRegistrationView(doc, await namesFor(ctx.store, [doc]), ctx.actor);
  return {
    certNo: input.certNo,
    valid: doc.status === 'approved',
    status: doc.status,
    statusName: REGISTRATION_STATUS_NAMES[doc.status],
    name: doc.name,
    mobile: mobileFor(ctx.actor, doc),
    communityName: view.communityName,
    gridName: view.gridName,
    buildingName: view.buildingName,
    orgName: view.orgName,
    partyOrg: doc.partyOrg,
    workUnit: doc.workUnit,
    skills: doc.skills,
    approvedAt: doc.decidedAt,
    endedAt: doc.endedAt,
  };
}
