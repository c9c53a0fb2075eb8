import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '@app/platform';
import { AuditModule } from '../audit/audit.module';
import { RegistryModule } from '../registry/registry.module';
import { AuthService } from './auth.service';
import { jwtOptions } from './jwt-options';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => jwtOptions(config.jwtSecret),
    }),
    AuditModule,
    RegistryModule,
  ],
  providers: [AuthService, TokenService, UsersService],
  exports: [AuthService, TokenService, UsersService],
})
export class AccountsModule {}
