import { StreamableFile } from '@nestjs/common';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx download; the Chinese file name travels RFC 5987-encoded, with an ASCII fallback. */
export function xlsxFile(buffer: Buffer, fileName: string, asciiFallback: string): StreamableFile {
  return new StreamableFile(buffer, {
    type: XLSX_TYPE,
    disposition: `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    length: buffer.length,
  });
}
