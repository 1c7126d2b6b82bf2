/** Reads what a test needs out of a PDF: its page count, its embedded images as RGBA pixels (for jsQR), and its text. */
import zlib from 'node:zlib';
import jpeg from 'jpeg-js';

/** Pages in the file: /Type /Page objects (not the /Pages tree nodes). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Undoes PNG row filters (PDF /Predictor ≥ 10): each row starts with its filter type byte. */
function unfilter(raw: Buffer, width: number, channels: number): Buffer {
  const stride = width * channels;
  const rows = raw.length / (stride + 1);
  const out = Buffer.alloc(rows * stride);
  for (let y = 0; y < rows; y++) {
    const type = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a),
        pb = Math.abs(p - b),
        pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const add = type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : type === 4 ? paeth : 0;
      out[y * stride + x] = (v + add) & 0xff;
    }
  }
  return out;
}

interface PdfObject {
  dict: string;
  streamStart: number;
}

/** Objects by number: their dictionary text and where their stream (if any) starts. */
function pdfObjects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const objRe = /(\d+)\s+0\s+obj\s*<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>)*)>>(\s*stream\r?\n)?/g;
  for (let m = objRe.exec(text); m; m = objRe.exec(text)) {
    objects.set(m[1] ?? '', { dict: m[2] ?? '', streamStart: m[3] ? m.index + m[0].length : -1 });
  }
  return objects;
}

function decodeImage(pdf: Buffer, { dict, streamStart }: PdfObject): RgbaImage {
  const num = (key: string) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1] ?? NaN);
  // A JPEG (WeChat's mini-program codes are JPEG) is embedded as it is: /DCTDecode.
  if (/\/DCTDecode/.test(dict)) {
    const jpg = jpeg.decode(pdf.subarray(streamStart, streamStart + num('Length')), { useTArray: true, formatAsRGBA: true });
    return { width: jpg.width, height: jpg.height, data: new Uint8ClampedArray(jpg.data) };
  }
  const width = num('Width'),
    height = num('Height');
  const channels = /DeviceRGB/.test(dict) ? 3 : 1;
  const inflated: Buffer = zlib.inflateSync(pdf.subarray(streamStart, streamStart + num('Length')));
  const raw = /\/Predictor\s+1[0-5]/.test(dict) ? unfilter(inflated, width, channels) : inflated;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) data[i * 4 + k] = raw[i * channels + (channels === 3 ? k : 0)] ?? 0;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

const refs = (text: string) => [...text.matchAll(/(\d+)\s+0\s+R/g)].map((m) => m[1] ?? '');

/**
 * The Flate- or JPEG-encoded images each page draws, page by page in the document's order (/Pages /Kids):
 * page → /Resources → /XObject → image objects (their alpha /SMask is not an image of its own).
 */
export function pdfPageImages(pdf: Buffer): RgbaImage[][] {
  const objects = pdfObjects(pdf);
  const resolve = (dict: string, key: string): string => {
    const inline = new RegExp(`/${key}\\s*<<((?:[^<>]|<<[^<>]*>>)*)>>`).exec(dict)?.[1];
    if (inline !== undefined) return inline;
    const ref = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict)?.[1];
    return ref ? (objects.get(ref)?.dict ?? '') : '';
  };
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  const kids = refs(/\/Kids\s*\[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '');
  return kids.map((kid) => {
    const xobjects = resolve(resolve(objects.get(kid)?.dict ?? '', 'Resources'), 'XObject');
    return refs(xobjects)
      .map((n) => objects.get(n))
      .filter((o): o is PdfObject => Boolean(o && /\/Subtype\s*\/Image/.test(o.dict) && /\/(FlateDecode|DCTDecode)/.test(o.dict) && o.streamStart >= 0))
      .map((o) => decodeImage(pdf, o));
  });
}

function streamOf(pdf: Buffer, o: PdfObject): string {
  const length = Number(/\/Length\s+(\d+)/.exec(o.dict)?.[1] ?? NaN);
  const bytes = pdf.subarray(o.streamStart, o.streamStart + length);
  return (/\/FlateDecode/.test(o.dict) ? zlib.inflateSync(bytes) : bytes).toString('latin1');
}

/** Glyph id → text, from PDFKit's ToUnicode maps: `<lo> <hi> [<utf16> …]` ranges. */
function glyphText(pdf: Buffer, objects: Map<string, PdfObject>): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const o of objects.values()) {
    if (o.streamStart < 0 || /\/Subtype|\/Type/.test(o.dict)) continue;
    const cmap = streamOf(pdf, o);
    if (!cmap.includes('beginbfrange')) continue;
    for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
      const entries = [...(m[2] ?? '').matchAll(/<([0-9a-f ]+)>/gi)].map((e) => (e[1] ?? '').split(' ').map((h) => parseInt(h, 16)));
      entries.forEach((units, i) => glyphs.set(parseInt(m[1] ?? '0', 16) + i, String.fromCharCode(...units)));
    }
  }
  return glyphs;
}

/** The text each page shows, one line per text run (PDFKit writes CID glyph ids; they are mapped back to characters). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const glyphs = glyphText(pdf, objects);
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  const kids = refs(/\/Kids\s*\[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '');
  return kids.map((kid) => {
    const contents = refs(/\/Contents\s+(\d+\s+0\s+R)/.exec(objects.get(kid)?.dict ?? '')?.[1] ?? '');
    const ops = contents
      .map((n) => objects.get(n))
      .filter((o): o is PdfObject => Boolean(o && o.streamStart >= 0))
      .map((o) => streamOf(pdf, o))
      .join('\n');
    const runs = [...ops.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-f]+)>/gi)]
        .map(
          (h) =>
            (h[1] ?? '')
              .match(/.{4}/g)
              ?.map((g) => glyphs.get(parseInt(g, 16)) ?? '')
              .join('') ?? '',
        )
        .join(''),
    );
    return runs.join('\n');
  });
}
