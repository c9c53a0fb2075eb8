import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1, { message: '请输入用户名 (username is required)' })
  @MaxLength(32)
  username!: string;

  @ApiProperty({ example: 'Admin12345' })
  @IsString()
  @MinLength(1, { message: '请输入密码 (password is required)' })
  @MaxLength(128)
  password!: string;
}
