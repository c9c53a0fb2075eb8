/**
 * Contact details in a posting's text: who to call, their numbers, mail, address. They never say what is
 * needed or offered, yet every posting has some, so left in they matched postings by their contacts' surnames,
 * area codes and the word 联系人 itself (the demo's reasons read "关键词匹配：炼化、换热器、…、联系人").
 */

/** A label that always starts contact details, with or without a colon: up to the next punctuation. */
const CONTACT_LABEL = /(?:联系人|负责人|联系方式|联系电话|联系手机)\s*[:：]?[^，。；;,，！!？?\n]*/g;
/** 联系王经理, 请联系刘工: a person to contact, by surname and title. */
const ADDRESSEE = /联系[\u4e00-\u9fff](?:先生|女士|小姐|经理|总监|主任|总|工)(?![\u4e00-\u9fff])/g;
/** A label that starts contact details when a colon follows (电话机 / 手机外壳 are products). */
const LABEL_WITH_COLON =
  /(?:电话|手机|座机|传真|邮箱|电子邮箱|邮件|微信|QQ|地址|网址|官网|邮编)\s*[:：][^，。；;,，！!？?\n]*/gi;
const PHONE = String.raw`(?:\+?86[\s-]?)?(?:1[3-9]\d{9}|0\d{2,3}[\s-]?\d{7,8})(?:[\s-]?转?\d{1,5})?(?!\d)`;
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const URL = String.raw`(?:https?:\/\/|www\.)[^\s，。；、]+`;
/** A mobile or fixed-line number, a mail address or a web address, with the label before it if any. */
const VALUE = new RegExp(
  String.raw`(?:(?:电话|手机|座机|传真|邮箱|电子邮箱|邮件|微信|QQ|网址|官网)\s*[:：]?\s*)?(?:${EMAIL}|${URL}|${PHONE})`,
  'gi',
);

/** What every pattern above needs somewhere in the text: most texts have none, and one scan settles it. */
const MAY_HOLD_CONTACTS =
  /联系|负责人|电话|手机|座机|传真|邮箱|邮件|微信|QQ|地址|网址|官网|邮编|@|www\.|https?:|\d{7}/i;

/** The text with its contact details replaced by a comma (so that no compound joins across the gap). */
export function withoutContactDetails(text: string): string {
  if (!MAY_HOLD_CONTACTS.test(text)) return text;
  return text
    .replace(VALUE, '，')
    .replace(CONTACT_LABEL, '，')
    .replace(LABEL_WITH_COLON, '，')
    .replace(ADDRESSEE, '，');
}
