/**
 * The 49 demo industry associations. `lead` follows "one cluster, one association": no cluster appears twice, two
 * associations lead two clusters, and CHEM-MATERIAL and SPECIAL-MATERIAL have no lead yet (so the department's
 * "clusters without a lead association" list has something in it). `related` are clusters whose enterprises
 * also join the association. `region` is where it is registered: province, city or county level.
 */
export interface AssociationProfile {
  name: string;
  region: string;
  lead: readonly string[];
  related: readonly string[];
}

const LN = '210000';
const a = (name: string, region: string, lead: string[], related: string[] = []): AssociationProfile => ({
  name,
  region,
  lead,
  related,
});

export const ASSOCIATION_ROSTER: readonly AssociationProfile[] = [
  a('辽宁省机床行业协会', LN, ['CNC-MACHINE']),
  a('辽宁省航空产业协会', LN, ['AEROSPACE']),
  a('辽宁省船舶与海洋工程行业协会', LN, ['SHIP-OFFSHORE']),
  a('辽宁省机器人产业协会', LN, ['ROBOT']),
  a('辽宁省半导体行业协会', LN, ['IC-EQUIP']),
  a('辽宁省汽车工业协会', LN, ['AUTO']),
  a('辽宁省轨道交通产业协会', LN, ['RAIL-TRANSIT']),
  a('辽宁省电力装备行业协会', LN, ['POWER-EQUIP', 'ENERGY-EQUIP']),
  a('辽宁省重型机械工业协会', LN, ['HEAVY-MACHINE']),
  a('辽宁省石油和化学工业协会', LN, ['GREEN-PETROCHEM', 'FINE-CHEM'], ['CHEM-MATERIAL']),
  a('辽宁省橡胶工业协会', LN, ['RUBBER']),
  a('辽宁省钢铁工业协会', LN, ['STEEL']),
  a('辽宁省菱镁行业协会', LN, ['MAGNESITE']),
  a('辽宁省有色金属工业协会', LN, ['NONFERROUS'], ['SPECIAL-MATERIAL']),
  a('辽宁省食品工业协会', LN, ['FOOD']),
  a('辽宁省医药行业协会', LN, ['BIOMED']),
  a('辽宁省家具协会', LN, ['FURNITURE']),
  a('辽宁省纺织服装协会', LN, ['TEXTILE']),
  a('辽宁省装备制造业协会', LN, [], ['CNC-MACHINE', 'HEAVY-MACHINE', 'RAIL-TRANSIT', 'POWER-EQUIP']),
  a('辽宁省通用机械行业协会', LN, [], ['HEAVY-MACHINE', 'GREEN-PETROCHEM']),
  a('辽宁省轴承行业协会', LN, [], ['CNC-MACHINE', 'HEAVY-MACHINE', 'ENERGY-EQUIP']),
  a('辽宁省模具工业协会', LN, [], ['AUTO', 'CNC-MACHINE']),
  a('辽宁省铸造行业协会', LN, [], ['HEAVY-MACHINE', 'AUTO', 'STEEL']),
  a('辽宁省焊接行业协会', LN, [], ['SHIP-OFFSHORE', 'HEAVY-MACHINE', 'RAIL-TRANSIT']),
  a('辽宁省新能源产业协会', LN, [], ['ENERGY-EQUIP']),
  a('辽宁省风能产业协会', LN, [], ['ENERGY-EQUIP']),
  a('辽宁省电子信息行业协会', LN, [], ['IC-EQUIP', 'ROBOT']),
  a('辽宁省软件行业协会', LN, [], ['ROBOT', 'IC-EQUIP']),
  a('辽宁省塑料工业协会', LN, [], ['CHEM-MATERIAL', 'RUBBER']),
  a('辽宁省涂料行业协会', LN, [], ['FINE-CHEM', 'SHIP-OFFSHORE']),
  a('辽宁省新材料产业联合会', LN, [], ['SPECIAL-MATERIAL', 'CHEM-MATERIAL', 'NONFERROUS']),
  a('辽宁省建筑材料工业协会', LN, [], ['SPECIAL-MATERIAL', 'MAGNESITE']),
  a('辽宁省耐火材料行业协会', LN, [], ['MAGNESITE', 'STEEL']),
  a('辽宁省农产品加工业协会', LN, [], ['FOOD']),
  a('辽宁省酒业协会', LN, [], ['FOOD']),
  a('辽宁省医疗器械行业协会', LN, [], ['BIOMED']),
  a('辽宁省服装行业协会', LN, [], ['TEXTILE']),
  a('辽宁省质量协会', LN, [], ['CNC-MACHINE', 'AUTO', 'STEEL', 'FOOD', 'BIOMED']),
  a('辽宁省中小企业协会', LN, [], ['FURNITURE', 'TEXTILE', 'FOOD', 'RUBBER']),
  a('沈阳市装备制造业协会', '210100', [], ['CNC-MACHINE', 'ROBOT', 'AEROSPACE', 'POWER-EQUIP']),
  a('大连市装备制造业协会', '210200', [], ['CNC-MACHINE', 'SHIP-OFFSHORE', 'RAIL-TRANSIT']),
  a('沈阳市汽车零部件行业协会', '210100', [], ['AUTO']),
  a('大连市化工行业协会', '210200', [], ['GREEN-PETROCHEM', 'FINE-CHEM', 'CHEM-MATERIAL']),
  a('盘锦市石油化工行业协会', '211100', [], ['GREEN-PETROCHEM', 'CHEM-MATERIAL']),
  a('鞍山市钢铁产业协会', '210300', [], ['STEEL']),
  a('营口市镁质材料行业协会', '210800', [], ['MAGNESITE']),
  a('本溪市医药产业协会', '210500', [], ['BIOMED']),
  a('沈阳市家具行业协会', '210100', [], ['FURNITURE']),
  a('兴城市泳装行业协会', '211481', [], ['TEXTILE']),
];
