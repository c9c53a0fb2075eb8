import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PASSWORD_RULE, PASSWORD_RULE_MESSAGE, ROLES, type Role } from '@app/core';
import { PageQueryDto } from '../common/page-query.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', pattern: '^[A-Za-z0-9_.-]{3,32}$' })
  @Matches(/^[A-Za-z0-9_.-]{3,32}$/, {
    message: '用户名为 3–32 位字母、数字或 _ . - (username: 3–32 of A-Z a-z 0-9 _ . -)',
  })
  username!: string;

  @ApiProperty({ description: '8–64 位，含字母和数字' })
  @IsString()
  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_MESSAGE })
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role 必须是 ${ROLES.join('|')} 之一` })
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'associationId 必须是 UUID' })
  associationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'enterpriseId 必须是 UUID' })
  enterpriseId?: string;

  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  displayName?: string;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  associationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  enterpriseId?: string;
}
