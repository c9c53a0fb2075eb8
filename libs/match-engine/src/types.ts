/** A posting is either something an enterprise needs (demand) or something it can provide (supply). */
export type PostingKind = 'demand' | 'supply';

/** 物料/产品, 技术攻关/成果, 产能协作/加工配套, 设备更新/改造, 检测/物流/咨询/工业软件, 市场渠道/销售代理. */
export type PostingCategory = 'product' | 'technology' | 'capacity' | 'equipment' | 'service' | 'market';

/** Core-enterprise tier: 龙头 / 骨干 / 重点. */
export type EnterpriseTier = 'leading' | 'backbone' | 'key';

export type PostingStatus = 'draft' | 'published' | 'closed';

/** What the engine needs to know about one posting. */
export interface MatchDocument {
  id: string;
  enterpriseId: string;
  kind: PostingKind;
  category: PostingCategory;
  title: string;
  description: string;
  keywords: string[];
  clusterId: string | null;
  /** GB/T 2260, 6 digits (e.g. 210100 沈阳市). */
  regionCode: string | null;
  /** YYYY-MM-DD, inclusive, China date; null = open-ended. */
  validUntil: string | null;
  status: PostingStatus;
  /** Tier of the posting's enterprise. */
  tier: EnterpriseTier | null;
}

/** One recommended counterpart posting, best first. */
export interface MatchResult {
  postingId: string;
  enterpriseId: string;
  score: number;
  /** Chinese, e.g. `关键词匹配：数控机床、五轴联动`, `同属集群`, `同城`, `龙头企业`. */
  reasons: string[];
  /** Canonical terms shared by both postings, most contributing first. */
  matchedTerms: string[];
}

export type MatchMode = 'exact' | 'fast';

export interface QueryOptions {
  /** China date YYYY-MM-DD; postings with validUntil < today are never recommended. */
  today: string;
  /** Results per posting (default 10). */
  limit?: number;
  /** `exact` scores every query term; `fast` skips very common terms and bounds posting lists (default `fast`). */
  mode?: MatchMode;
}
