import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { AuthService, type Caller } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { Public } from '../common/public.decorator';
import { ALL_ROLES, Roles } from '../common/roles.decorator';
import { LoginDto } from './login.dto';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: { limit: 60, ttl: 60_000 } })
  @ApiOperation({ summary: '登录：5 次连续失败锁定 15 分钟 (423)；每个地址每分钟最多 60 次 (429)' })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  me(@CurrentCaller() caller: Caller) {
    return this.auth.me(caller.userId);
  }
}
