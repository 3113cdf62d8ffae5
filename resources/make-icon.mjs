/**
 * Draws resources/icon.png (512x512) without image tools: a rounded navy tile, a database cylinder
 * and a two-way sync arrow, rasterised with 4x4 supersampling and written as an RGBA PNG.
 * Run: node resources/make-icon.mjs
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const NAVY = [31, 58, 95];
const WHITE = [232, 241, 255];
const MINT = [127, 209, 185];

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
};

/** Colour of one sample point, or null for transparent. Later shapes paint over earlier ones. */
function sample(x, y) {
  if (!inRoundedRect(x, y, 0, 0, SIZE, SIZE, 112)) return null;
  let c = NAVY;
  // Cylinder: body, band lines (navy), top ellipse.
  const body = x >= 90 && x <= 246 && y >= 176 && y <= 326;
  if (body || inEllipse(x, y, 168, 326, 78, 30) || inEllipse(x, y, 168, 176, 78, 30)) c = WHITE;
  const band = (cy) => inEllipse(x, y, 168, cy, 78, 30) && !inEllipse(x, y, 168, cy - 12, 78, 30) && y > cy;
  if (band(232) || band(282)) c = NAVY;
  if (inEllipse(x, y, 168, 176, 62, 18)) c = [200, 218, 240];
  // Sync arrows: right-pointing on top, left-pointing below.
  const w = 11;
  if (
    nearSegment(x, y, 296, 206, 410, 206, w) ||
    nearSegment(x, y, 410, 206, 374, 170, w) ||
    nearSegment(x, y, 416, 306, 302, 306, w) ||
    nearSegment(x, y, 302, 306, 338, 342, w)
  ) {
    c = MINT;
  }
  return c;
}

function render() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  const n = 4;
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample(x + (sx + 0.5) / n, y + (sy + 0.5) / n);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = row + 1 + x * 4;
      if (a > 0) {
        raw[o] = Math.round(r / a);
        raw[o + 1] = Math.round(g / a);
        raw[o + 2] = Math.round(b / a);
      }
      raw[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(render(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = fileURLToPath(new URL('./icon.png', import.meta.url));
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
