import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
const DIR = join(__dirname, '..', 'screenshots');
const DOCS_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/**
 * Saves a full-page screenshot of a main screen under test/browser/screenshots/. With `docs` and the environment
 * variable DOCS_SCREENSHOTS=1 it also refreshes the committed viewport-sized copy under docs/screenshots/.
 */
export async function shoot(page: Page, name: string, docs?: string): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  if (docs && process.env.DOCS_SCREENSHOTS === '1') {
    mkdirSync(DOCS_DIR, { recursive: true });
    await page.screenshot({ path: join(DOCS_DIR, `${docs}.png`), animations: 'disabled' });
  }
  return path;
}

/**
 * True when the page's own font draws two different Chinese characters differently, i.e. a CJK font renders them
 * (without one both come out as the same missing-glyph box).
 */
export async function chineseGlyphsRender(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const font = `32px ${getComputedStyle(document.body).fontFamily}`;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d');
      if (!ctx) return '';
      ctx.font = font;
      ctx.fillText(text, 4, 36);
      return canvas.toDataURL();
    };
    const a = draw('集');
    const b = draw('群');
    const blank = draw('');
    return a !== b && a !== blank && b !== blank;
  });
}
