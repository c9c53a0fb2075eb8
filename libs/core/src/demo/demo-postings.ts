import { cityOf, regionName } from '../registry/identifiers/region-codes';
import type { PostingCategory, PostingKind, PostingStatus } from '../postings/posting.entity';
import type { DemoPosting } from './demo-activity.types';
import type { DemoEnterprise, EnterpriseScale } from './demo-data.types';
import { addDays, chinaTime, daysBetween } from './demo-dates';
import { POSTING_CATALOGUE, postingTitle, type CatalogueLine } from './demo-posting-catalogue';
import type { Prng } from './prng';

const POSTINGS_PER_SCALE: Readonly<Record<EnterpriseScale, readonly [number, number]>> = {
  large: [2, 3],
  medium: [1, 3],
  small: [1, 2],
  micro: [0, 2],
};

const REASONS: Readonly<Record<PostingCategory, readonly string[]>> = {
  product: ['扩大产能', '年度集中采购', '新产品量产', '推进国产化替代', '开发第二供应商'],
  equipment: ['设备更新改造', '新建产线', '老旧设备淘汰更新', '智能化改造'],
  technology: ['产品升级换代', '突破工艺瓶颈', '降本增效', '承担省级攻关项目'],
  capacity: ['订单饱满、产能不足', '拓展外协配套体系', '缩短交付周期'],
  service: ['通过体系认证', '保障设备稳定运行', '满足合规要求', '推进数字化转型'],
  market: ['拓展新市场', '扩大产品销售', '布局海外市场'],
};

const NEEDS: Readonly<Record<PostingCategory, (subject: string) => string>> = {
  product: (s) => `现需采购${s}`,
  equipment: (s) => `现需采购${s}`,
  technology: (s) => `现就${s}征集技术解决方案`,
  capacity: (s) => `现寻求${s}外协配套单位`,
  service: (s) => `现需${s}服务`,
  market: (s) => `现寻求${s}方面的渠道合作伙伴`,
};

const OFFERS: Readonly<Record<PostingCategory, readonly string[]>> = {
  product: ['产品质量稳定、可批量供货', '具备完善的质量体系，可提供样品试用', '现货充足，可签订长期供货协议'],
  equipment: ['提供整线方案与安装调试', '可按需定制，售后响应及时', '已在省内多家企业应用'],
  technology: ['拥有自主知识产权与成熟应用案例', '与高校院所共建研发平台，可联合攻关', '成果已完成中试验证'],
  capacity: ['设备齐全、产能富余，可承接批量订单', '通过相关体系认证，交期有保障', '可提供来图来样加工'],
  service: ['具备相关资质与专业团队', '服务覆盖全省，响应迅速', '可提供一站式解决方案'],
  market: ['拥有成熟的渠道网络与客户资源', '可提供市场推广与售后服务', '熟悉当地准入与认证要求'],
};

export interface PostingChoice {
  clusterCode: string;
  line: CatalogueLine;
  subject: string;
}

export function catalogueLines(clusterCode: string): readonly CatalogueLine[] {
  const lines = POSTING_CATALOGUE[clusterCode];
  if (!lines) throw new Error(`demo data: no posting catalogue for cluster ${clusterCode}`);
  return lines;
}

/** A line of one of the enterprise's clusters (its main one mostly) and one of its subjects. */
export function pickChoice(rng: Prng, enterprise: DemoEnterprise): PostingChoice {
  const clusterCode =
    enterprise.clusterCodes.length > 1 && rng.chance(0.25)
      ? enterprise.clusterCodes[1]
      : enterprise.clusterCodes[0];
  const line = rng.pick(catalogueLines(clusterCode));
  return { clusterCode, line, subject: rng.pick(line[1].split('/')) };
}

/** Log-uniform amount in [min, max] 万元, rounded like people write it. */
export function amountIn(rng: Prng, min: number, max: number): number {
  const value = Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
  return value >= 100 ? Math.round(value / 10) * 10 : Math.max(1, Math.round(value));
}

const cityNameOf = (regionCode: string): string => regionName(cityOf(regionCode) ?? regionCode) ?? '辽宁';

function describe(
  rng: Prng,
  kind: PostingKind,
  choice: PostingChoice,
  enterprise: DemoEnterprise,
  amountWan: number | null,
  validUntil: string,
): string {
  const category = choice.line[0];
  const keywords = choice.line[2].split(' ').join('、');
  if (kind === 'demand') {
    const budget = amountWan === null ? '预算面议' : `预算约${amountWan}万元`;
    return (
      `因${rng.pick(REASONS[category])}，${NEEDS[category](choice.subject)}（${keywords}），${budget}。` +
      `要求供方具备相应资质和同类业绩，交付地${cityNameOf(enterprise.regionCode)}，有效期至${validUntil}。` +
      `联系人：${enterprise.contactName}。`
    );
  }
  const scale = amountWan === null ? '' : `年供货/服务能力约${amountWan}万元，`;
  return (
    `本公司可提供${choice.subject}（${keywords}），${rng.pick(OFFERS[category])}，${scale}` +
    `欢迎省内外企业洽谈合作。所在地${cityNameOf(enterprise.regionCode)}，联系人：${enterprise.contactName}。`
  );
}

function validUntilIn2027(rng: Prng): string {
  return addDays('2027-01-01', rng.int(0, 364));
}

export function makePosting(
  rng: Prng,
  enterprise: DemoEnterprise,
  kind: PostingKind,
  choice: PostingChoice,
  status: PostingStatus,
  today: string,
  expired = false,
): DemoPosting {
  const [category, , keywordText, minWan, maxWan] = choice.line;
  const amountWan = rng.chance(0.1) ? null : amountIn(rng, minWan, maxWan);
  // Expired postings ran out in the last months; the rest run into 2027.
  const validUntil = expired ? addDays(today, -rng.int(3, 240)) : validUntilIn2027(rng);
  const latestPublish = expired ? addDays(validUntil, -20) : addDays(today, -1);
  const publishDay = addDays(
    latestPublish,
    -rng.int(0, Math.max(0, daysBetween('2025-09-01', latestPublish))),
  );
  const publishedAt = status === 'draft' ? null : chinaTime(publishDay, rng.int(8, 17), rng.int(0, 59));
  const createdDay =
    status === 'draft' ? addDays(today, -rng.int(1, 60)) : addDays(publishDay, -rng.int(0, 3));
  const keywords = [...new Set([...keywordText.split(' '), choice.subject.replace(/[（(].*$/, '')])].slice(
    0,
    6,
  );
  return {
    enterpriseCreditCode: enterprise.creditCode,
    kind,
    category,
    title: postingTitle(category, kind, choice.subject),
    description: describe(rng, kind, choice, enterprise, amountWan, validUntil),
    keywords,
    clusterCode: choice.clusterCode,
    regionCode: enterprise.regionCode,
    validUntil,
    amountWan,
    status,
    publishedAt,
    createdAt: chinaTime(createdDay, rng.int(8, 17), rng.int(0, 59)),
  };
}

/**
 * Demands and supplies of the demo enterprises: a few per enterprise after its size, subjects from its
 * cluster's catalogue; most published and valid in 2027, some expired, closed or still drafts. The demo
 * enterprise gets three published demands, each with matching published supplies from other enterprises.
 */
export function buildPostings(
  rng: Prng,
  enterprises: readonly DemoEnterprise[],
  demoEnterprise: DemoEnterprise,
  today: string,
): DemoPosting[] {
  const postings: DemoPosting[] = [];
  for (const enterprise of enterprises) {
    if (enterprise === demoEnterprise) continue;
    const [min, max] = POSTINGS_PER_SCALE[enterprise.scale];
    const titles = new Set<string>();
    for (let n = rng.int(min, max); n > 0; n--) {
      const kind: PostingKind = rng.chance(0.5) ? 'demand' : 'supply';
      const choice = pickChoice(rng, enterprise);
      const status = rng.weighted<PostingStatus>([
        ['published', 78],
        ['closed', 10],
        ['draft', 12],
      ]);
      const posting = makePosting(
        rng,
        enterprise,
        kind,
        choice,
        status,
        today,
        status === 'published' && rng.chance(0.12),
      );
      if (titles.has(posting.title)) continue;
      titles.add(posting.title);
      postings.push(posting);
    }
  }
  postings.push(...demoEnterprisePostings(rng, enterprises, demoEnterprise, today));
  return postings;
}

function demoEnterprisePostings(
  rng: Prng,
  enterprises: readonly DemoEnterprise[],
  demo: DemoEnterprise,
  today: string,
): DemoPosting[] {
  const clusterCode = demo.clusterCodes[0];
  const lines = catalogueLines(clusterCode);
  // Three demands on different lines, preferring things a firm buys (products, equipment, services).
  const wanted = lines
    .filter((l) => ['product', 'equipment', 'service', 'capacity'].includes(l[0]))
    .slice(0, 3);
  const suppliers = enterprises.filter((e) => e !== demo && e.clusterCodes.includes(clusterCode));
  const out: DemoPosting[] = [];
  wanted.forEach((line, i) => {
    const subject = line[1].split('/')[0];
    const choice = { clusterCode, line, subject };
    out.push(makePosting(rng, demo, 'demand', choice, 'published', today));
    for (let k = 0; k < 3; k++) {
      const supplier = suppliers[(i * 5 + k * 3 + 1) % suppliers.length];
      out.push(makePosting(rng, supplier, 'supply', choice, 'published', today));
    }
  });
  // And one supply of its own, something it makes.
  const own = lines.find((l) => l[0] === 'capacity') ?? lines[0];
  out.push(
    makePosting(
      rng,
      demo,
      'supply',
      { clusterCode, line: own, subject: own[1].split('/')[0] },
      'published',
      today,
    ),
  );
  return out;
}
