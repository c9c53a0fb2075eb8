/** Word lists for believable, clearly fictional company and person names (no well-known brands). */

const words = (list: string): readonly string[] => list.trim().split(/\s+/);

export const BRAND_WORDS = words(`
  精工 恒信 宏达 兴业 金鼎 鑫源 盛华 海天 北方 东方 远航 华泰 博远 瑞丰 德昌 永安 天成 利达 嘉禾 宝鼎 辽海 冠华
  泰和 鸿运 新宇 鼎盛 宏源 凯达 长兴 华信 汇通 金桥 同创 启航 正阳 隆达 益华 晟通 瀚海 聚源 通达 福瑞 润丰 科瑞
  弘业 昌盛 安泰 锦程 鑫诚 佳和 荣兴 中誉 华辰 恒基 建新 天汇 宇航 融达 信诚 海蓝 众成 睿达 金诺 盛达 沃德
`);

export const COMPANY_SUFFIXES = [
  ['有限公司', 10],
  ['科技有限公司', 4],
  ['制造有限公司', 2],
  ['股份有限公司', 2],
] as const;

/** Large companies are often groups. */
export const LARGE_COMPANY_SUFFIXES = [
  ['集团有限公司', 3],
  ['股份有限公司', 3],
  ['有限公司', 2],
] as const;

export const SURNAMES = [...'王李张刘陈杨赵黄周吴孙徐马朱胡郭何高林罗郑梁谢宋唐于董曲姜崔邵韩冯丁关佟'];

export const GIVEN_NAMES = words(`
  伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 鹏 宇 浩 欣 晨 博 建国 志强 海燕
  红梅 立新 庆华 春雨 晓东 玉洁 振宇 文博 德明 淑华 国庆 雪松 思远 佳琪
`);

/** Mainland mobile number prefixes of the three carriers. */
export const MOBILE_PREFIXES = words(`
  130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 177 180 182 183 185 186 187 188 189
  198 199
`);
