import type { Locator } from '@playwright/test';

/** The decoded width of an `<img>`: 0 until its bytes have arrived and decoded. */
export function naturalWidth(image: Locator): Promise<number> {
  return image.evaluate((img: HTMLImageElement) => img.naturalWidth);
}
