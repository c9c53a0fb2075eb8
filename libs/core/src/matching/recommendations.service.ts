import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { notFound } from '../common/http-errors';
import { PostingsService } from '../postings/postings.service';
import { RegistryScope } from '../registry/registry-scope.service';
import { RecommendationEntity, RecommendationStatus } from './recommendation.entity';

export interface MatchItem {
  recommendationId: string;
  postingId: string;
  enterpriseId: string;
  enterpriseName: string;
  title: string;
  kind: 'demand' | 'supply';
  category: string;
  regionCode: string | null;
  validUntil: string | null;
  score: number;
  reasons: string[];
  matchedTerms: string[];
  status: RecommendationStatus;
}

/** Forward-only progress a person can set; meeting and intent are set by the system when one comes of it. */
const ORDER: RecommendationStatus[] = ['new', 'viewed', 'contacted', 'meeting', 'intent'];
export type PersonSetStatus = 'viewed' | 'contacted' | 'dismissed';

@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly postings: PostingsService,
    private readonly scope: RegistryScope,
    private readonly audit: AuditService,
  ) {}

  /** The posting's counterparts, best first: published, not expired, of the opposite kind. */
  async matchesOf(
    caller: Caller,
    postingId: string,
    limit: number,
    includeDismissed = false,
  ): Promise<{ items: MatchItem[] }> {
    const posting = await this.postings.get(caller, postingId);
    const [own, other] = posting.kind === 'demand' ? ['demand', 'supply'] : ['supply', 'demand'];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT r.id AS recommendation_id, c.id AS posting_id, c.enterprise_id, e.name AS enterprise_name, c.title, c.kind,
              c.category, COALESCE(c.region_code, e.region_code) AS region_code,
              to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until,
              COALESCE(r.${own}_score, r.${other}_score, 0) AS score, r.reasons, r.matched_terms, r.status
         FROM recommendations r
         JOIN postings c ON c.id = r.${other}_posting_id
         JOIN enterprises e ON e.id = c.enterprise_id
        WHERE r.${own}_posting_id = $1 AND c.status = 'published' AND (c.valid_until IS NULL OR c.valid_until >= $2)
          AND ($4 OR r.status <> 'dismissed')
        ORDER BY score DESC, c.id
        LIMIT $3`,
      [postingId, chinaToday(), limit, includeDismissed],
    );
    return {
      items: rows.map((r) => ({
        recommendationId: r.recommendation_id as string,
        postingId: r.posting_id as string,
        enterpriseId: r.enterprise_id as string,
        enterpriseName: r.enterprise_name as string,
        title: r.title as string,
        kind: r.kind as 'demand' | 'supply',
        category: r.category as string,
        regionCode: r.region_code as string | null,
        validUntil: r.valid_until as string | null,
        score: Math.round(Number(r.score) * 1000) / 1000,
        reasons: r.reasons as string[],
        matchedTerms: r.matched_terms as string[],
        status: r.status as RecommendationStatus,
      })),
    };
  }

  /** Either party's enterprise users, their associations' staff and the department may mark a recommendation. */
  async setStatus(caller: Caller, id: string, status: PersonSetStatus): Promise<RecommendationEntity> {
    return this.db.transaction(async (m) => {
      const rec = await m.findOne(RecommendationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!rec || !(await this.canSee(caller, rec))) throw notFound('recommendation');
      if (
        status !== 'dismissed' &&
        rec.status !== 'dismissed' &&
        ORDER.indexOf(status) < ORDER.indexOf(rec.status)
      ) {
        throw new ConflictException({
          message: `推荐状态不能从 ${rec.status} 退回 ${status} (status only moves forward)`,
          details: [{ field: 'status', message: `${rec.status} → ${status} is not allowed` }],
        });
      }
      if (rec.status === status) return rec;
      const before = { ...rec };
      rec.status = status;
      const after = await m.save(rec);
      await this.audit.record(m, caller, 'update', 'recommendation', id, before, after);
      return after;
    });
  }

  private async canSee(caller: Caller, rec: RecommendationEntity): Promise<boolean> {
    if (isDepartment(caller)) return true;
    for (const enterpriseId of [rec.demandEnterpriseId, rec.supplyEnterpriseId]) {
      if (await this.scope.canSeeEnterprise(caller, enterpriseId)) return true;
    }
    return false;
  }
}
