/** multipart/form-data bodies, as the SDK's form-data package writes them (the compat open-API route). */

export interface FormParts {
  fields: Record<string, string>;
  files: Record<string, Buffer>;
}

/** Splits a body on its boundary; a part with a filename or a binary content type stays bytes. */
export function parseMultipart(body: Buffer, contentType: string): FormParts {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new Error('multipart body without a boundary');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const out: FormParts = { fields: {}, files: {} };
  let at = body.indexOf(boundary);
  while (at >= 0) {
    const start = at + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next < 0) throw new Error('multipart body not closed');
    const part = body.subarray(start + 2, next - 2); // drop the CRLF after the boundary and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part without headers');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) throw new Error('multipart part without a name');
    const binary = /filename="/i.test(head) || /content-type:\s*application\/octet-stream/i.test(head);
    if (binary) out.files[name] = Buffer.from(content);
    else out.fields[name] = content.toString('utf8');
    at = next;
  }
  return out;
}
