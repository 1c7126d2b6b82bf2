/** Inputs and views of the `members` function: 双报到, 报到证, 单位报到, transfer, 在职党员信息库. */
import * as z from 'zod/mini';
import { id, input, int, mobile, oneOf, text } from '../validation';
import type { Page } from '../users/schemas';
import type { Skill } from '../users/roles';
import { MEMBER_SKILLS } from '../users/roles';
import type { AvailableTime, RegistrationStatus } from './model';
import { AVAILABLE_TIMES, CERT_PATTERN, REGISTRATION_STATUSES, SERVED_FILTERS } from './model';

const page = z.optional(int('页码', 1, 1000));
const pageSize = z.optional(int('每页条数', 1, 50));
const registrationId = id('报到申请');

/** A non-empty list of distinct choices from a fixed set. */
function choices<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.array(oneOf(label, values), { error: `${label}需为列表` }).check(
    z.minLength(1, `请至少选择一项${label}`),
    z.maxLength(values.length, `${label}最多选 ${values.length} 项`),
    z.refine((list) => new Set(list).size === list.length, `${label}不能重复选择`),
  );
}

/** What a member fills in to register (and again, for the new community, to transfer). */
const registrationShape = {
  name: text('姓名', { min: 2, max: 20 }),
  mobile: mobile('手机号'),
  partyOrg: text('所在党组织', { min: 2, max: 60 }),
  workUnit: text('工作单位', { min: 2, max: 60 }),
  orgId: z.optional(z.nullable(id('报到单位'))),
  buildingId: id('居住楼栋'),
  skills: choices('技能特长', MEMBER_SKILLS),
  availableTimes: choices('可服务时间', AVAILABLE_TIMES),
};

export const registerInput = input(registrationShape);
export const transferInput = input(registrationShape);
export const mineInput = input({});
export const registrationIdInput = input({ registrationId });
export const rejectRegistrationInput = input({ registrationId, reason: text('驳回原因', { min: 2, max: 200 }) });
export const pendingInput = input({ communityId: z.optional(id('社区')), page, pageSize });
export const verifyCertInput = input({
  certNo: z.string({ error: '报到证编号需为文字' }).check(z.trim(), z.regex(CERT_PATTERN, '报到证编号格式不正确，应如 CZ-2026-000123')),
});

export const createOrganisationInput = input({
  communityId: id('社区'),
  name: text('单位党组织名称', { min: 2, max: 60 }),
  contactName: text('联系人', { min: 2, max: 20 }),
  contactMobile: mobile('联系电话'),
  agreement: text('共建协议', { min: 10, max: 2000 }),
});
export const listOrganisationsInput = input({ communityId: z.optional(id('社区')), page, pageSize });
export const linkOrgInput = input({ orgId: z.nullable(id('报到单位')) });

const libraryFilters = {
  status: z.optional(oneOf('状态', REGISTRATION_STATUSES)),
  skill: z.optional(oneOf('技能', MEMBER_SKILLS)),
  orgId: z.optional(id('报到单位')),
  communityId: z.optional(id('社区')),
  gridId: z.optional(id('网格')),
  served: z.optional(oneOf('今年是否服务', SERVED_FILTERS)),
};
export const libraryInput = input({ ...libraryFilters, page, pageSize });
export const exportLibraryInput = input(libraryFilters);

export interface RegistrationView {
  id: string;
  status: RegistrationStatus;
  statusName: string;
  name: string;
  /** Full for the member and community staff in scope; 139****5678 for everyone else. */
  mobile: string | null;
  partyOrg: string;
  workUnit: string;
  orgId: string | null;
  orgName: string | null;
  buildingId: string;
  communityId: string;
  communityName: string;
  gridName: string;
  buildingName: string;
  skills: Skill[];
  availableTimes: AvailableTime[];
  certNo: string | null;
  reason: string | null;
  createdAt: number;
  decidedAt: number | null;
  endedAt: number | null;
  /** A transfer: the community this application moves the member away from. */
  transferFromName: string | null;
  /** The viewer may 通过/驳回 it now (shared/members/permissions canDecideRegistration). */
  canDecide: boolean;
}

/** 报到证: what the member shows; the QR opens the staff verify page. */
export interface CertificateView {
  certNo: string;
  name: string;
  communityName: string;
  gridName: string;
  orgName: string | null;
  partyOrg: string;
  approvedAt: number;
  /** PNG data URL of the QR. */
  qr: string;
  /** What the QR holds: the verify page's address. */
  verifyUrl: string;
}

export interface MineView {
  active: RegistrationView | null;
  pending: RegistrationView | null;
  /** Every registration, newest first (rejected and ended ones stay as history). */
  history: RegistrationView[];
  certificate: CertificateView | null;
}

export interface VerifyView {
  certNo: string;
  valid: boolean;
  status: RegistrationStatus;
  statusName: string;
  name: string;
  mobile: string | null;
  communityName: string;
  gridName: string;
  buildingName: string;
  orgName: string | null;
  partyOrg: string;
  workUnit: string;
  skills: Skill[];
  approvedAt: number | null;
  endedAt: number | null;
}

export interface OrganisationView {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
  contactName: string;
  /** Only staff in scope see the contact phone. */
  contactMobile: string | null;
  agreement: string;
  memberCount: number;
  createdAt: number;
}

export interface LibraryRow extends RegistrationView {
  pointsThisYear: number;
  servedThisYear: boolean;
}

export interface Decided {
  id: string;
  status: RegistrationStatus;
  certNo: string | null;
}

export type RegisterInput = z.infer<typeof registerInput>;
export type TransferInput = z.infer<typeof transferInput>;
export type MineInput = z.infer<typeof mineInput>;
export type RegistrationIdInput = z.infer<typeof registrationIdInput>;
export type RejectRegistrationInput = z.infer<typeof rejectRegistrationInput>;
export type PendingInput = z.infer<typeof pendingInput>;
export type VerifyCertInput = z.infer<typeof verifyCertInput>;
export type CreateOrganisationInput = z.infer<typeof createOrganisationInput>;
export type ListOrganisationsInput = z.infer<typeof listOrganisationsInput>;
export type LinkOrgInput = z.infer<typeof linkOrgInput>;
export type LibraryInput = z.infer<typeof libraryInput>;
export type ExportLibraryInput = z.infer<typeof exportLibraryInput>;
export type LibraryPage = Page<LibraryRow> & { year: number };
