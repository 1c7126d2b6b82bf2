/**
 * The platform's side of the compat open-API route (`wx.openApi`): CommApiData in, CommOpenApiResp out, through
 * protobufjs with a schema written here from wx-server-sdk's src/protobuf/openapi.js field numbers. Independent
 * of the app's hand-rolled codec (backend/ports/wxOpenApiWire.ts), so a bug there cannot hide behind a shared one.
 */
import * as protobuf from 'protobufjs';

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: { apiType: { type: 'ApiType', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } },
      nested: { ApiType: { values: { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } } },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});

const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export interface DecodedApiData {
  apiType: number;
  appid: string;
  /** The pairs' raw values: JSON text for plain fields (wx-server-sdk writes `JSONBigInt.stringify(val)`). */
  pairs: Array<{ key: string; value: Buffer }>;
}

/** Throws on bytes that are not a CommApiData. */
export function decodeApiData(buf: Buffer): DecodedApiData {
  const msg = CommApiData.toObject(CommApiData.decode(buf), { defaults: true, arrays: true }) as {
    apiType: number;
    appid: string;
    openapiData?: { pairs: Array<{ key: string; value: Uint8Array }> } | null;
  };
  return {
    apiType: msg.apiType,
    appid: msg.appid,
    pairs: (msg.openapiData?.pairs ?? []).map((p) => ({ key: p.key, value: Buffer.from(p.value) })),
  };
}

/** Only for tests of the platform side: what wx-server-sdk would send. */
export function encodeApiData(fields: Record<string, unknown>): Buffer {
  const pairs = Object.entries(fields).map(([key, v]) => ({ key, value: Buffer.from(JSON.stringify(v)) }));
  return Buffer.from(CommApiData.encode(CommApiData.create({ apiType: 0, openapiData: { pairs } })).finish());
}

export function encodeOpenApiResp(resp: { respData?: Buffer; contentType?: string; errorCode?: number; httpCode?: number }): Buffer {
  const msg = CommOpenApiResp.create({
    respData: resp.respData ?? Buffer.alloc(0),
    contentType: resp.contentType ?? '',
    errorCode: resp.errorCode ?? 0,
    httpCode: resp.httpCode ?? 200,
  });
  return Buffer.from(CommOpenApiResp.encode(msg).finish());
}

export function decodeOpenApiResp(buf: Buffer): { respData: Buffer; contentType: string; errorCode: number; httpCode: number } {
  const msg = CommOpenApiResp.toObject(CommOpenApiResp.decode(buf), { defaults: true }) as { respData: Uint8Array; contentType: string; errorCode: number; httpCode: number };
  return { respData: Buffer.from(msg.respData), contentType: msg.contentType, errorCode: msg.errorCode, httpCode: msg.httpCode };
}
