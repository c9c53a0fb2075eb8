import { Module } from '@nestjs/common';
import { ServedEnterprises } from './served-enterprises';

@Module({ providers: [ServedEnterprises], exports: [ServedEnterprises] })
export class ServedModule {}
