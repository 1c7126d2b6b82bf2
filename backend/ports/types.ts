/** WeChat platform edges as small ports: content security, stored files, subscribe messages. */

export interface ContentCheck {
  /** Null when the text may be published; otherwise a Chinese reason. */
  checkText(text: string): Promise<string | null>;
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
}

export interface SubscribeMessages {
  /** Sends a WeChat subscribe message when the person consented; locally the in-app outbox is enough. */
  send(userId: string, kind: string, title: string, body: string): Promise<void>;
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

export interface Ports {
  content: ContentCheck;
  files: FileStore;
  subscribe: SubscribeMessages;
  codes: CodeMaker;
}
