import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenizer } from './tokenizer';

describe('createTokenizer', () => {
  const tokenizer = createTokenizer();

  it.each([
    ['数控机床五轴联动加工中心', ['数控机床', '五轴联动加工中心']],
    ['丁苯橡胶和炭黑', ['丁苯橡胶', '炭黑']],
    ['晶圆刻蚀设备', ['晶圆', '刻蚀']],
    ['RV减速器与轴承', ['RV减速器', '轴承']],
  ])('keeps industrial terms of %s whole', (text, expected) => {
    expect(tokenizer.tokenize(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['求购SBR1502', 'SBR1502'],
    ['12英寸晶圆', '12英寸'],
    ['304不锈钢板', '304不锈钢'],
    ['M8螺栓', 'M8'],
    ['5G工业网关', '5G'],
    ['ｓｂｒ１５０２', 'SBR1502'],
  ])('keeps the model number or specification in %s as one token', (text, token) => {
    expect(tokenizer.tokenize(text)).toContain(token);
  });

  it.each([
    ['CNC', '数控'],
    ['cnc', '数控'],
    ['PP', '聚丙烯'],
    ['SBR', '丁苯橡胶'],
    ['PCB', '印制电路板'],
    ['线路板', '印制电路板'],
    ['PLC', '可编程控制器'],
    ['伺服马达', '伺服电机'],
  ])('maps %s to its canonical form %s', (alias, canonical) => {
    expect(tokenizer.tokenize(alias)).toContain(canonical);
    expect(tokenizer.tokenize(alias)).not.toContain(alias);
  });

  it('adds the grade family of a model number (SBR1502 → 丁苯橡胶)', () => {
    expect(tokenizer.tokenize('SBR1502')).toEqual(expect.arrayContaining(['SBR1502', '丁苯橡胶']));
  });

  it('joins an abbreviation and a head word into the compound (CNC机床 → 数控机床)', () => {
    expect(tokenizer.tokenize('CNC 机床')).toContain('数控机床');
  });

  it('joins only adjacent tokens: punctuation in between breaks the compound', () => {
    expect(tokenizer.tokenize('数控，机床')).not.toContain('数控机床');
    expect(tokenizer.tokenize('伺服 电机')).toContain('伺服电机');
  });

  it('drops punctuation, stop words, function characters, counts and years', () => {
    const tokens = tokenizer.tokenize('我公司长期求购：的、了，和 500台 两台 2025年 数控机床！');
    expect(tokens).toEqual(['数控机床', '数控', '机床']);
  });

  it('drops contact details: who to call, numbers, mail, web and a labelled address', () => {
    const contacts =
      '联系人：张先生，电话：024-12345678转801，手机：13812345678，邮箱 sales@abc.com，' +
      '网址 www.abc.com.cn，地址：沈阳市铁西区北二路18号。负责人王经理';
    expect(tokenizer.tokenize(`求购数控机床两台。${contacts}`)).toEqual(
      tokenizer.tokenize('求购数控机床两台。'),
    );
    expect(tokenizer.tokenize('有意者请联系李女士，或联系人张工 13912345678')).toEqual([]);
    expect(tokenizer.tokenize('请联系王经理，或联系刘工。欢迎联系加工业务')).toEqual(['加工']);
  });

  it('keeps products named like a contact label, and grades, but not phone-like numbers', () => {
    expect(tokenizer.tokenize('电话机生产线、手机外壳注塑、地址编码器')).toEqual(
      expect.arrayContaining(['电话机', '手机', '外壳', '地址', '编码器']),
    );
    const tokens = tokenizer.tokenize('6061铝合金 304 0411 88886666 SBR1502');
    expect(tokens).toEqual(expect.arrayContaining(['6061', '304', 'SBR1502']));
    expect(tokens).not.toContain('0411');
    expect(tokens).not.toContain('88886666');
  });

  it('drops place names (the region is a field of its own) but not words that end like one', () => {
    expect(tokenizer.tokenize('交付地沈阳市，辽宁省本溪满族自治县')).toEqual(['交付']);
    expect(tokenizer.tokenize('城市燃气、超市货架、上市公司')).toEqual(
      expect.arrayContaining(['城市', '燃气', '超市货架', '上市公司']),
    );
  });

  it("drops what every demand asks of its supplier, not the qualification's name", () => {
    expect(tokenizer.tokenize('要求供方具备相应资质和同类业绩')).toEqual([]);
    expect(tokenizer.tokenize('具备CMA资质')).toContain('CMA');
  });

  it('keeps service words of the dictionary whole (运维, 维保)', () => {
    expect(tokenizer.tokenize('设备运维与维保')).toEqual(expect.arrayContaining(['运维', '维保']));
  });

  it('does not link a polymer to its monomer (聚丙烯 does not yield 丙烯)', () => {
    expect(tokenizer.tokenize('聚丙烯')).not.toContain('丙烯');
  });

  it('reads extra dictionary and synonym files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'match-engine-'));
    writeFileSync(join(dir, 'extra-dict.txt'), '# 协会补充\n镁橄榄石砖 30000 n\n');
    writeFileSync(join(dir, 'extra-synonyms.tsv'), '镁橄榄石砖\tFOB\n');
    const extended = createTokenizer({
      extraDictionaryPaths: [join(dir, 'extra-dict.txt')],
      extraSynonymPaths: [join(dir, 'extra-synonyms.tsv')],
    });
    expect(extended.tokenize('采购镁橄榄石砖')).toContain('镁橄榄石砖');
    expect(extended.tokenize('fob')).toContain('镁橄榄石砖');
  });

  it('without synonyms leaves aliases as they are (the plain baseline)', () => {
    expect(createTokenizer({ synonyms: false }).tokenize('CNC')).toEqual(['CNC']);
  });

  it('returns the same tokens for the same text', () => {
    const text = '大连船舶配套企业求购船用柴油机、锚链和船用钢板';
    expect(tokenizer.tokenize(text)).toEqual(createTokenizer().tokenize(text));
  });
});
