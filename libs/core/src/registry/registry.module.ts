import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AssociationLeadClusterEntity } from './association-lead-cluster.entity';
import { AssociationEntity } from './association.entity';
import { AssociationsService } from './associations.service';
import { ChainEntity } from './chain.entity';
import { ChainsService } from './chains.service';
import { ClusterEntity } from './cluster.entity';
import { ClustersService } from './clusters.service';
import { EnterpriseClusterEntity } from './enterprise-cluster.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterprisesService } from './enterprises.service';
import { MembershipEntity } from './membership.entity';
import { MembershipsService } from './memberships.service';
import { RegistryScope } from './registry-scope.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ClusterEntity,
      ChainEntity,
      AssociationEntity,
      AssociationLeadClusterEntity,
      EnterpriseEntity,
      EnterpriseClusterEntity,
      MembershipEntity,
    ]),
    AuditModule,
  ],
  providers: [
    RegistryScope,
    ClustersService,
    ChainsService,
    AssociationsService,
    EnterprisesService,
    MembershipsService,
  ],
  exports: [
    RegistryScope,
    ClustersService,
    ChainsService,
    AssociationsService,
    EnterprisesService,
    MembershipsService,
  ],
})
export class RegistryModule {}
