import type { ClusterDefinition } from '../registry/catalogue/cluster-catalogue';
import type { DemoActivity } from './demo-activity.types';

export type EnterpriseScale = 'large' | 'medium' | 'small' | 'micro';
/** Core-enterprise tier: 龙头 / 骨干 / 重点. */
export type EnterpriseTier = 'leading' | 'backbone' | 'key';

export interface DemoAssociation {
  name: string;
  creditCode: string;
  leadClusterCodes: string[];
}

export interface DemoEnterprise {
  name: string;
  creditCode: string;
  /** A Liaoning county (区/县/县级市) code. */
  regionCode: string;
  industryCode: string;
  scale: EnterpriseScale;
  tier: EnterpriseTier | null;
  /** The first is the enterprise's main cluster. */
  clusterCodes: string[];
  contactName: string;
  contactPhone: string;
}

export interface DemoMembership {
  associationCreditCode: string;
  enterpriseCreditCode: string;
  /** YYYY-MM-DD */
  joinedOn: string;
}

export interface DemoDataSet {
  clusters: ClusterDefinition[];
  associations: DemoAssociation[];
  enterprises: DemoEnterprise[];
  memberships: DemoMembership[];
  activity: DemoActivity;
}

export interface DemoDataOptions {
  seed?: number;
  enterpriseCount?: number;
  /** The day the activity is built around (YYYY-MM-DD); DEMO_TODAY by default. */
  today?: string;
}
