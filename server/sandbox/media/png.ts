import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(typeBytes)));
  return Buffer.concat([head, typeBytes, data, tail]);
}

/**
 * A minimal PNG encoder: 8-bit truecolour (RGB), no interlace, filter 0 on every row.
 * `rgb` holds `width * height * 3` bytes, row by row.
 */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError('a PNG needs a positive integer width and height');
  }
  const stride = width * 3;
  if (rgb.length !== stride * height)
    throw new RangeError('rgb must hold width * height * 3 bytes');
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    // Each scanline starts with its filter type byte: 0 (None).
    raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // compression, filter and interlace methods stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const GENERATED_IMAGE_SIZE = { width: 320, height: 200 } as const;

type Rgb = readonly [number, number, number];

/** A saturated colour on the hue wheel (`hue` in 0..360). */
function hueToRgb(hue: number, lightness: number): Rgb {
  const channel = (offset: number): number => {
    const k = (offset + hue / 30) % 12;
    const value =
      lightness -
      0.45 * Math.min(lightness, 1 - lightness) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255);
  };
  return [channel(0), channel(8), channel(4)];
}

/**
 * A 320×200 picture that depends only on `seed` (the media id): a diagonal two-colour
 * gradient under a ring of a third colour and a checkered band. Same seed, same bytes.
 */
export function generatedImagePng(seed: string): Buffer {
  const hash = createHash('sha256').update(seed, 'utf8').digest();
  const byte = (index: number): number => hash[index] ?? 0;
  const hue = (byte(0) * 256 + byte(1)) % 360;
  const from = hueToRgb(hue, 0.35);
  const to = hueToRgb((hue + 60 + (byte(2) % 90)) % 360, 0.65);
  const accent = hueToRgb((hue + 180) % 360, 0.55);
  const { width, height } = GENERATED_IMAGE_SIZE;
  const centreX = 80 + (byte(3) % 160);
  const centreY = 60 + (byte(4) % 80);
  const radius = 30 + (byte(5) % 40);
  const cell = 8 + (byte(6) % 16);
  // The gradient depends only on x + y: one colour per diagonal.
  const diagonals = width + height - 1;
  const gradient = new Uint8Array(diagonals * 3);
  for (let d = 0; d < diagonals; d += 1) {
    const t = d / (diagonals - 1);
    for (let c = 0; c < 3; c += 1) {
      gradient[d * 3 + c] = Math.round((from[c] ?? 0) + ((to[c] ?? 0) - (from[c] ?? 0)) * t);
    }
  }
  const ringInner = (radius - 6) ** 2;
  const ringOuter = (radius + 6) ** 2;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const inBand = y >= height - 24;
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      const squared = (x - centreX) ** 2 + (y - centreY) ** 2;
      if (squared > ringInner && squared < ringOuter) {
        rgb.set(accent, at);
        continue;
      }
      const invert = inBand && (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0;
      for (let c = 0; c < 3; c += 1) {
        const value = gradient[(x + y) * 3 + c] ?? 0;
        rgb[at + c] = invert ? 255 - value : value;
      }
    }
  }
  return encodePng(width, height, rgb);
}
