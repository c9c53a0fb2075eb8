import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { EXPORT_LISTS, type ExportList } from '@app/core';
import { AuditQueryDto } from '../audit/audit-query.dto';
import { PageQueryDto } from '../common/page-query.dto';
import { EventQueryDto } from '../events/event.dto';
import { ParticipantQueryDto } from '../events/participant.dto';
import { IntentQueryDto } from '../intents/intent.dto';
import { PostingQueryDto } from '../postings/posting.dto';
import { EnterpriseQueryDto } from '../registry/enterprise.dto';

export class CreateExportDto {
  @ApiProperty({ enum: EXPORT_LISTS, description: '要导出的列表' })
  @IsIn(EXPORT_LISTS, { message: `list 必须是 ${EXPORT_LISTS.join('|')}` })
  list!: ExportList;

  @ApiPropertyOptional({
    description:
      '与列表接口相同的筛选条件（如 { "year": 2026, "clusterId": "…" }）；成员和参会企业另需 associationId / eventId',
    example: { q: '机床' },
  })
  @IsOptional()
  @IsObject({ message: 'query 必须是对象' })
  query?: Record<string, unknown>;
}

class MemberExportQueryDto extends PageQueryDto {
  @IsUUID('all', { message: 'associationId 必须是 UUID' }) associationId!: string;
}

class ParticipantExportQueryDto extends ParticipantQueryDto {
  @IsUUID('all', { message: 'eventId 必须是 UUID' }) eventId!: string;
}

/** Each list's filters are validated by the same DTO as its route's query string. */
export const EXPORT_QUERY_DTOS: Record<ExportList, new () => object> = {
  enterprises: EnterpriseQueryDto,
  members: MemberExportQueryDto,
  postings: PostingQueryDto,
  events: EventQueryDto,
  participants: ParticipantExportQueryDto,
  intents: IntentQueryDto,
  audit: AuditQueryDto,
};
