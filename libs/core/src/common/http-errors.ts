import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** 400 in the contract's shape: a message plus the fields at fault. */
export function badInput(details: FieldError[]): BadRequestException {
  return new BadRequestException({
    message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
    details,
  });
}

export function conflict(field: string, message: string): ConflictException {
  return new ConflictException({ message, details: [{ field, message }] });
}

/** Out of scope and missing read the same, so that ids of other parties' data cannot be probed. */
export function notFound(what: string): NotFoundException {
  return new NotFoundException(`${what} not found`);
}
