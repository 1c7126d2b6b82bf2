/**
 * The protobuf wire format of CloudBase's compat open-API route (`callCompatibleWxOpenApi`, action `wx.openApi`):
 * the request is a `CommApiData`, the answer a `CommOpenApiResp`. Hand-rolled for just these two messages, so
 * the bundles carry no protobuf runtime. Field numbers and types are those of wx-server-sdk's
 * src/protobuf/openapi.js (the generated encoders name each tag):
 *   CommApiData      { 1 apiType enum(int32) OPEN_API=0; 2 openapiData OpenApiData; 6 appid string }
 *   OpenApiData      { 1 pairs repeated KeyValuePair }
 *   KeyValuePair     { 1 key string; 2 value bytes; 3 contenttype string; 4 filename string }
 *   CommOpenApiResp  { 1 respData bytes; 2 contentType string; 3 errorCode int32; 4 httpCode uint32;
 *                      5 headers repeated HttpHeader; 6 svrkitErrorCode int32 }
 */

const VARINT = 0;
const FIXED64 = 1;
const BYTES = 2;
const FIXED32 = 5;

/** CommApiData.ApiType: wx-server-sdk's getGenericOpenAPI sends OPEN_API for `cloud.openapi.<category>.<method>`. */
export const API_TYPE_OPEN_API = 0;

export class WireError extends Error {
  constructor(message: string) {
    super(`open API wire: ${message}`);
    this.name = 'WireError';
  }
}

function varint(value: bigint): Buffer {
  // int32 negatives are sign-extended to 64 bits on the wire (10 bytes), as protobuf's int32 encoding requires.
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}

function tag(field: number, wireType: number): Buffer {
  return varint(BigInt((field << 3) | wireType));
}

function lengthDelimited(field: number, bytes: Buffer): Buffer {
  return Buffer.concat([tag(field, BYTES), varint(BigInt(bytes.length)), bytes]);
}

/**
 * `CommApiData { apiType: OPEN_API, openapiData: { pairs } }`: one pair per request field, its value the
 * field's JSON (as wx-server-sdk does for plain values: `Buffer.from(JSONBigInt.stringify(val))`).
 */
export function encodeCommApiData(fields: Record<string, unknown>, appid?: string): Buffer {
  const pairs: Buffer[] = [];
  for (const [key, val] of Object.entries(fields)) {
    const json = JSON.stringify(val);
    if (json === undefined) continue; // undefined fields are left out, as JSON would
    const pair = Buffer.concat([lengthDelimited(1, Buffer.from(key, 'utf8')), lengthDelimited(2, Buffer.from(json, 'utf8'))]);
    pairs.push(lengthDelimited(1, pair));
  }
  const parts = [tag(1, VARINT), varint(BigInt(API_TYPE_OPEN_API)), lengthDelimited(2, Buffer.concat(pairs))];
  if (appid) parts.push(lengthDelimited(6, Buffer.from(appid, 'utf8')));
  return Buffer.concat(parts);
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode: number;
  httpCode: number;
  svrkitErrorCode: number;
}

class Reader {
  at = 0;
  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.buf.length) throw new WireError('truncated varint');
      const byte = this.buf[this.at++] as number;
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    throw new WireError('varint longer than 10 bytes');
  }

  bytes(): Buffer {
    const len = this.varint();
    if (len > BigInt(this.buf.length - this.at)) throw new WireError('length past the end of the message');
    const out = this.buf.subarray(this.at, this.at + Number(len));
    this.at += Number(len);
    return out;
  }

  skip(wireType: number): void {
    if (wireType === VARINT) this.varint();
    else if (wireType === BYTES) this.bytes();
    else if (wireType === FIXED64 || wireType === FIXED32) {
      const n = wireType === FIXED64 ? 8 : 4;
      if (this.at + n > this.buf.length) throw new WireError('truncated fixed-width field');
      this.at += n;
    } else throw new WireError(`unsupported wire type ${wireType}`); // groups (3, 4) and garbage such as JSON text
  }
}

const int32 = (v: bigint): number => Number(BigInt.asIntN(32, v));
const uint32 = (v: bigint): number => Number(BigInt.asUintN(32, v));

/** Decodes a `CommOpenApiResp`; throws WireError on bytes that are not one (a JSON error body, a truncated answer). */
export function decodeCommOpenApiResp(buf: Buffer): CommOpenApiResp {
  const out: CommOpenApiResp = { respData: Buffer.alloc(0), contentType: '', errorCode: 0, httpCode: 0, svrkitErrorCode: 0 };
  const r = new Reader(buf);
  while (!r.done) {
    const key = r.varint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new WireError('field number 0');
    const expect = (t: number) => {
      if (wireType !== t) throw new WireError(`field ${field} has wire type ${wireType}, expected ${t}`);
    };
    switch (field) {
      case 1:
        expect(BYTES);
        out.respData = Buffer.from(r.bytes());
        break;
      case 2:
        expect(BYTES);
        out.contentType = r.bytes().toString('utf8');
        break;
      case 3:
        expect(VARINT);
        out.errorCode = int32(r.varint());
        break;
      case 4:
        expect(VARINT);
        out.httpCode = uint32(r.varint());
        break;
      case 6:
        expect(VARINT);
        out.svrkitErrorCode = int32(r.varint());
        break;
      default:
        r.skip(wireType); // headers (5) and anything newer
    }
  }
  return out;
}
