import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsAssociationCreditCode, NormalizeCreditCode, Trim } from '../common/code-validators';

export const PHONE_RULE = /^[0-9+\- ]{5,20}$/;

export class CreateAssociationDto {
  @ApiProperty({ example: '辽宁省数控机床行业协会' })
  @Trim()
  @IsString()
  @Length(2, 100, { message: '名称为 2–100 个字符 (name: 2–100 characters)' })
  name!: string;

  @ApiProperty({ example: '51210000MJ0000000X', description: '统一社会信用代码，社会团体以 51 开头' })
  @NormalizeCreditCode()
  @IsAssociationCreditCode()
  creditCode!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '牵头集群；一个集群最多一个牵头协会' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'leadClusterIds 的每一项必须是 UUID' })
  leadClusterIds?: string[];

  @ApiPropertyOptional({ example: '李明' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Matches(PHONE_RULE, { message: 'contactPhone 格式不正确 (5–20 digits)' })
  contactPhone?: string;
}

export class UpdateAssociationDto extends PartialType(CreateAssociationDto, { skipNullProperties: false }) {}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'enterpriseId 必须是 UUID' })
  enterpriseId!: string;

  @ApiPropertyOptional({ example: '2024-03-01', description: '入会日期' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'joinedOn 必须是日期 YYYY-MM-DD' })
  joinedOn?: string;
}
