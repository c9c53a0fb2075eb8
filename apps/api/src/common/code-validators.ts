import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import {
  creditCodeError,
  creditCodeKindError,
  industryCodeError,
  normalizeCreditCode,
  normalizeIndustryCode,
  normalizeRegionCode,
  regionError,
} from '@app/core';

/** Builds a decorator from a core check that returns a reason or null, so HTTP and imports share one rule. */
function fromCheck(name: string, check: (value: string) => string | null) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && check(value) === null,
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? `${args.property}: ${check(args.value)}`
            : `${args.property} 必须是字符串 (must be a string)`,
      },
    });
}

export const IsCreditCode = fromCheck('isCreditCode', creditCodeError);
export const IsAssociationCreditCode = fromCheck(
  'isAssociationCreditCode',
  (v) => creditCodeError(v) ?? creditCodeKindError(v, 'association'),
);
export const IsRegionCode = fromCheck('isRegionCode', regionError);
export const IsIndustryCode = fromCheck('isIndustryCode', industryCodeError);

const normalizeWith = (fn: (raw: string) => string) =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? fn(value) : value));
export const NormalizeCreditCode = () => normalizeWith(normalizeCreditCode);
export const NormalizeRegionCode = () => normalizeWith(normalizeRegionCode);
export const NormalizeIndustryCode = () => normalizeWith(normalizeIndustryCode);
export const Trim = () => normalizeWith((s) => s.trim());
