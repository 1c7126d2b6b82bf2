/**
 * 民情二维码 images by what they encode: a code's content never changes, so each image is drawn (or fetched
 * from WeChat) once per process — a grid's posters and repeated "生成" cost one draw per place, not per request.
 */
const LIMIT = 500;

export function codeImageCache(limit = LIMIT) {
  const made = new Map<string, Promise<Buffer>>();
  return (key: string, draw: () => Promise<Buffer>): Promise<Buffer> => {
    const hit = made.get(key);
    if (hit) return hit;
    const image = draw();
    made.set(key, image);
    // A failed draw is tried again next time; the oldest entry goes when the cache is full.
    image.catch(() => made.delete(key));
    if (made.size > limit) made.delete(made.keys().next().value as string);
    return image;
  };
}
