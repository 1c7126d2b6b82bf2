/** Lays out A4 民情二维码 posters with pdfkit: one page per place, Chinese text in a CJK font. */
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import type { ContactView } from '../../shared/users/schemas';

export interface PosterSheet {
  community: string;
  /** The grid, or null on a community's own poster. */
  grid: string | null;
  /** The building, or null on a grid's or community's poster. */
  building: string | null;
  contact: ContactView | null;
  code: Buffer;
  /** Mini-program code or web QR: decides the "how to scan" line. */
  kind: 'url' | 'wxacode';
}

const DEFAULT_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DEFAULT_FAMILY = 'NotoSansCJKsc-Regular';
const RED = '#c8161d';

/** The font file's bytes, read once per process (a CJK collection is ~20 MB); keyed by path so a changed setting is honoured. */
const fontBytes = new Map<string, Buffer>();

/**
 * WG_POSTER_FONT: a .ttf/.otf, or a .ttc with WG_POSTER_FONT_FAMILY naming the face. In the cloud a function has
 * no system fonts: the setting is the cloud storage fileID of an uploaded font, fetched through the file port.
 */
export async function posterFontFile(fetch: (fileId: string) => Promise<string>): Promise<string> {
  const setting = process.env.WG_POSTER_FONT ?? DEFAULT_FONT;
  return setting.startsWith('cloud://') ? fetch(setting) : setting;
}

function posterFont(file: string): { bytes: Buffer; family?: string } {
  let bytes = fontBytes.get(file);
  if (!bytes) {
    if (!fs.existsSync(file)) throw new AppError('INTERNAL', '海报字体未配置：请设置 WG_POSTER_FONT 指向一个中文字体文件');
    bytes = fs.readFileSync(file);
    fontBytes.set(file, bytes);
  }
  return file.toLowerCase().endsWith('.ttc') ? { bytes, family: process.env.WG_POSTER_FONT_FAMILY ?? DEFAULT_FAMILY } : { bytes };
}

/** What a scan offers; 一键呼叫 names whoever the contact below is (a grid without 网格长 rings the community). */
function scanFor(c: ContactView | null): Array<readonly [string, string]> {
  const who = c?.roleName === '网格长' ? '本网格网格长' : (c?.roleName ?? '社区居委会');
  return [
    ['我要点单', '报事报修、求助咨询，网格员分拣、党员就近接单'],
    ['微心愿', '说出一个小心愿，党员和共建单位帮您圆梦'],
    ['一键呼叫', `直接拨打${who}电话`],
  ];
}

function drawSheet(doc: PDFKit.PDFDocument, s: PosterSheet): void {
  const { width } = doc.page;
  doc.rect(0, 0, width, 130).fill(RED);
  doc.fillColor('#ffffff').fontSize(34).text('民情二维码', 0, 32, { width, align: 'center' });
  doc.fontSize(16).text('党建引领 · 网格连心', 0, 84, { width, align: 'center' });

  const place = [s.community, s.grid, s.building].filter(Boolean).join(' · ');
  doc
    .fillColor('#1f2329')
    .fontSize(22)
    .text(place, 40, 160, { width: width - 80, align: 'center' });

  const size = 280;
  doc.image(s.code, (width - size) / 2, 210, { width: size, height: size });
  const how = s.kind === 'wxacode' ? '微信扫一扫，进入“网格连心”小程序' : '手机扫一扫，打开“网格连心”';
  doc.fillColor('#8a8f99').fontSize(13).text(how, 0, 500, { width, align: 'center' });

  let y = 540;
  doc.fillColor(RED).fontSize(18).text('扫码可以：', 60, y);
  y += 32;
  for (const [title, detail] of scanFor(s.contact)) {
    doc.fillColor('#1f2329').fontSize(16).text(`■ ${title}`, 72, y, { continued: true }).fillColor('#5c6370').fontSize(13).text(`　${detail}`);
    y += 30;
  }

  doc.rect(40, 700, width - 80, 80).fill('#fdecec');
  const c = s.contact;
  const who = c ? `${c.roleName}${c.name ? ` ${c.name}` : ''}（${c.areaName}）` : '社区居委会';
  doc
    .fillColor('#1f2329')
    .fontSize(16)
    .text(who, 60, 715, { width: width - 120 });
  doc
    .fillColor(RED)
    .fontSize(22)
    .text(c ? `电话 ${c.phone}` : '电话请咨询社区居委会', 60, 742, { width: width - 120 });
}

/** Writes one A4 page per sheet to `file`. */
export async function writePosterPdf(sheets: PosterSheet[], file: string, title: string, fontFile: string): Promise<void> {
  const font = posterFont(fontFile);
  // Loaded at first use, not with the module: pdfkit is ~950 KB that only the poster action needs (the bundle
  // keeps it in a side file), and the codes function's other actions should not load it at cold start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: title, Author: '网格连心' } });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('cjk', font.bytes, font.family);
  for (const s of sheets) {
    doc.addPage();
    doc.font('cjk');
    drawSheet(doc, s);
  }
  doc.end();
  await done;
}
