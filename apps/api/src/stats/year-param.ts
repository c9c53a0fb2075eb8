import { BadRequestException, Param, PipeTransform } from '@nestjs/common';

class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      throw new BadRequestException({
        message: 'year 必须是 2000–2100 的整数',
        details: [{ field: 'year', message: 'must be a year 2000–2100' }],
      });
    }
    return year;
  }
}

/** A path year 2000–2100; anything else is a 400 naming `year`. */
export const YearParam = () => Param('year', new YearPipe());
