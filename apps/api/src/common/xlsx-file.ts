import { StreamableFile } from '@nestjs/common';
import { XLSX_CONTENT_TYPE } from '@app/core';

export const XLSX_TYPE = XLSX_CONTENT_TYPE;

/** Whether an Accept header asks for an .xlsx answer. */
export const wantsXlsx = (accept: string | undefined): boolean => !!accept && accept.includes(XLSX_TYPE);

/** An .xlsx download; the Chinese file name travels RFC 5987-encoded, with an ASCII fallback. */
export function xlsxFile(buffer: Buffer, fileName: string, asciiFallback: string): StreamableFile {
  return new StreamableFile(buffer, {
    type: XLSX_TYPE,
    disposition: `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    length: buffer.length,
  });
}
