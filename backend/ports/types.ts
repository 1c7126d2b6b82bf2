/** WeChat platform edges as small ports: content security, stored files, subscribe messages. */
import type { MessageView } from '../../shared/notifications/schemas';

/** Whose content it is: WeChat's v2 checks need the author's OPENID (a user who opened the app lately). */
export interface Author {
  openid: string | null;
}

/**
 * msgSecCheck / mediaCheckAsync v2 scenes (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html):
 * 1 资料, 2 评论, 3 论坛, 4 社交日志.
 */
export const CONTENT_SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const;
export type ContentScene = (typeof CONTENT_SCENES)[keyof typeof CONTENT_SCENES];

/** An image check WeChat accepted: its verdict arrives later as a `wxa_media_check` push naming the trace id. */
export interface ImageCheck {
  fileId: string;
  traceId: string;
}

export interface ContentCheck {
  /** Null when the text may be published; otherwise a Chinese reason (also when the check itself failed). */
  checkText(text: string, who: Author, scene: ContentScene): Promise<string | null>;
  /**
   * Starts WeChat's asynchronous check of uploaded images (none offline). Throws when a check cannot be
   * started, so the caller refuses the photos rather than publish them unchecked.
   */
  checkImages(fileIds: string[], who: Author, scene: ContentScene): Promise<ImageCheck[]>;
}

export interface FileStore {
  /** Whether an uploaded file exists (local uploads folder or cloud storage). */
  exists(fileId: string): Promise<boolean>;
  /** A URL a page can show the file from. */
  url(fileId: string): string;
  /**
   * Keeps a file the server produced (an xlsx export, a poster PDF) and answers where to fetch it.
   * The local file is moved away; the URL is unguessable (exports carry personal data).
   */
  save(localPath: string, name: string): Promise<{ fileId: string; url: string }>;
  /** A local path holding a stored file's bytes (a deployed asset such as the poster font), fetched once per instance. */
  localCopy(fileId: string): Promise<string>;
}

/** The in-app message a subscribe message mirrors: what it says, when, and the record it is about. */
export type PushedMessage = Pick<MessageView, 'kind' | 'title' | 'body' | 'orderId' | 'sourceId' | 'createdAt'>;

/** `skipped`: no template for the kind, or no OPENID; `declined`: no consent left (WeChat's 43101). */
export type SendOutcome = 'sent' | 'skipped' | 'declined';

export interface SubscribeMessages {
  /** Sends a WeChat subscribe message when the person consented; locally the in-app outbox is enough. */
  send(userId: string, message: PushedMessage): Promise<SendOutcome>;
}

/** What a 民情二维码 names: the mini-program page + scene (cloud) and the h5 route (web). */
export interface CodeTarget {
  scene: string;
  page: string;
  webRoute: string;
}

/** 民情二维码 images: a QR of the h5 URL locally, a mini-program code (wxacode.getUnlimited) in the cloud. */
export interface CodeMaker {
  make(target: CodeTarget): Promise<{ kind: 'url' | 'wxacode'; content: string; image: Buffer }>;
}

/** A number WeChat confirmed (getPhoneNumber), or why none: `invalid` (the code is unknown, used or expired), `unavailable` (WeChat failed). */
export type PhoneAnswer = { ok: true; phone: string; countryCode: string } | { ok: false; reason: 'invalid' | 'unavailable' };

/** 用微信手机号确认: the code a weapp `getPhoneNumber` button hands the page, exchanged once for the user's number. */
export interface PhoneNumbers {
  /** `now` is the caller's clock (the local stand-in's expiry); WeChat keeps its own. */
  numberOf(code: string, now: number): Promise<PhoneAnswer>;
}

export interface Ports {
  content: ContentCheck;
  files: FileStore;
  subscribe: SubscribeMessages;
  codes: CodeMaker;
  /** Only where a function confirms phones (users, backend/ports/phone.ts in the cloud): other bundles stay without it. */
  phones?: PhoneNumbers;
}
