/** Words every posting uses (posting verbs, company boiler-plate) and function words: they never discriminate. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '需求 需要 求购 采购 寻求 寻找 征集 提供 供应 供给 出售 销售 我们 我司 本公司 我公司 贵公司 公司 企业 有限公司 ' +
    '股份有限公司 集团 有限 责任 主要 相关 进行 具有 能够 可以 以及 或者 并且 其中 一批 一套 一台 若干 各类 各种 多种 ' +
    '优质 专业 长期 合作 欢迎 洽谈 联系 电话 要求 满足 相应 能力 具备 以上 以下 左右 目前 现有 现在 希望 计划 用于 ' +
    '通过 根据 包括 等等 产品 服务 项目 业务 价格 优惠 承接 生产 厂家 单位 客户 用户 方面 一个 一些 这些 那些 这个 ' +
    '那个 如果 因为 所以 但是 而且 已经 正在 没有 不是 就是 还是 以便 及时 良好 稳定 较好 较大 一定 有关 对于 关于 ' +
    '为了 由于 其他 其它 另外 同时 以后 之前 之后 期间 全国 国内 省内 本地 地区 年度 今年 明年 每年 每月 月份 ' +
    '有意者 意向 诚招 诚寻 寻 求 供 技术 方案 提升 实现 开展 开发 交期 按需 ' +
    // contact boiler-plate the contact-detail filter leaves (联系人张先生 without a colon is removed whole)
    '联系人 联系方式 联系电话 负责人 先生 女士 所在地 ' +
    // what every demand asks of its supplier (a CMA or CNAS qualification is named by its own token)
    '供方 业绩 资质 同类'
  ).split(/\s+/),
);

/** Single characters that carry no meaning alone (single characters like 钢 / 泵 / 阀 / 镁 are kept). */
export const FUNCTION_CHARS: ReadonlySet<string> = new Set(
  (
    '的 了 和 与 及 或 等 在 为 对 从 把 被 是 有 也 都 就 个 将 向 以 其 之 并 且 而 由 至 于 各 每 本 该 此 这 那 ' +
    '我 你 他 她 它 可 能 会 要 需 用 所 如 上 下 中 内 外 年 月 日 号 第 多 少 大 小 高 低 新 好 已 还 又 再 很 更 ' +
    '最 不 无 非 未 没 着 过 得 地 吗 呢 吧 啊 您 贵 请 拟 现 均 即 则 若 因 故 但 却 只 仅 共 约 近 余 把 给 让 使 ' +
    '做 作 来 去 到 过 后 前 时 点 万 元 次 批 件 台 套 项 种 家 位 名 类 些 方 面 间 部 处 者 们 能 按 交 期'
  ).split(/\s+/),
);

/** Unit words merged with the number before them into one specification token (12英寸, 28纳米, 500千伏). */
export const SPEC_UNITS: ReadonlySet<string> = new Set(
  '英寸 寸 吋 毫米 厘米 微米 纳米 MM CM UM NM KW MW KV 千瓦 兆瓦 千伏 伏 安 兆帕 MPA 度 层 位 轴 工位 吨级 万吨级 米级'.split(
    ' ',
  ),
);

/** Counting words: the number before them is a quantity, not a specification, and both are dropped. */
export const QUANTITY_UNITS: ReadonlySet<string> = new Set(
  '台 套 件 个 批 次 万 万元 亿元 元 人 天 年 月 日 家 项 种 辆 吨 万吨 公斤 千克 平方米 立方米 米 条 张 只 吨年 万件 万套'.split(
    ' ',
  ),
);
