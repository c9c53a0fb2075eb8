import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UsersService, type Caller } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { Roles } from '../common/roles.decorator';
import { CreateUserDto, UserQueryDto } from './user.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('dept_admin', 'association_staff')
  @ApiOperation({ summary: '创建用户（协会只能为本会会员企业创建企业用户）' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Get()
  @Roles('dept_admin', 'association_staff')
  list(@CurrentCaller() caller: Caller, @Query() query: UserQueryDto) {
    return this.users.list(caller, query);
  }
}
