/**
 * Every sentence src/share produces, as catalogue keys with English and Chinese texts. The i18n
 * catalogue spreads both tables in (as it does for the engine's error sentences), so the keys are
 * stable: add keys, never rename them. `{name}` marks a placeholder.
 */

export const SHARE_MESSAGES_EN = {
  'share.error.empty': 'There is no sheet in this link or file.',
  'share.error.tooLarge': 'The shared sheet is too large to open ({length} characters; the limit is {limit}).',
  'share.error.notCompressed': 'This link is damaged: its sheet data is not in the expected compressed form.',
  'share.error.badJson': 'The shared sheet is damaged: its data is not valid JSON.',
  'share.error.tooDeep': 'The shared sheet is nested more deeply, or holds more values, than any sheet can.',
  'share.error.unsafeKey': 'The shared sheet contains the forbidden field name “{field}”, so it was not opened.',
  'share.error.unknownVersion':
    'The shared sheet uses format version {version}, which this version of the app cannot read (it reads up to {current}).',
  'share.error.badSchema': 'The shared sheet is not valid: {issue} (at {path}).',
  'share.error.unreadable': 'The shared sheet could not be read.',
  'share.banner.linkReplacedLocal':
    'You opened a shared sheet. Your previous sheet was kept: use “Restore previous” to get it back.',
  'share.banner.savedUnreadable': 'Your saved sheet could not be read, so another sheet was opened instead.',
  'share.storage.unavailable': 'This browser does not allow saving, so your sheet will not be kept after you close the page.',
  'share.storage.quotaExceeded': 'The browser storage is full, so your sheet could not be saved. Export a state file to keep it.',
  'share.storage.corrupted': 'The saved sheet is damaged and could not be read.',
  'share.link.tooLong': 'This sheet is too large for a link ({length} characters, the limit is {limit}). Export a state file instead.',
  'share.link.notShareable': 'This sheet cannot be shared as a link: {reason}',
  'share.export.notExportable': 'The run {label} cannot be written as a Python script: its formula uses {subject}.',
} as const;

type ShareSentenceKey = keyof typeof SHARE_MESSAGES_EN;

export const SHARE_MESSAGES_ZH: { readonly [K in ShareSentenceKey]: string } = {
  'share.error.empty': '此链接或文件中没有表格。',
  'share.error.tooLarge': '分享的表格太大，无法打开（{length} 个字符，上限为 {limit}）。',
  'share.error.notCompressed': '此链接已损坏：其中的表格数据不是预期的压缩格式。',
  'share.error.badJson': '分享的表格已损坏：其数据不是有效的 JSON。',
  'share.error.tooDeep': '分享的表格嵌套过深或包含的值过多，任何表格都不会如此。',
  'share.error.unsafeKey': '分享的表格包含禁用的字段名“{field}”，因此未打开。',
  'share.error.unknownVersion': '分享的表格使用格式版本 {version}，本版本应用无法读取（最高支持 {current}）。',
  'share.error.badSchema': '分享的表格无效：{issue}（位置：{path}）。',
  'share.error.unreadable': '无法读取分享的表格。',
  'share.banner.linkReplacedLocal': '你打开了一个分享的表格。之前的表格已保留：点击“恢复之前的表格”即可找回。',
  'share.banner.savedUnreadable': '无法读取已保存的表格，因此打开了另一个表格。',
  'share.storage.unavailable': '此浏览器不允许保存，关闭页面后表格将不会保留。',
  'share.storage.quotaExceeded': '浏览器存储空间已满，表格未能保存。请导出状态文件以保留它。',
  'share.storage.corrupted': '已保存的表格已损坏，无法读取。',
  'share.link.tooLong': '此表格太大，无法生成链接（{length} 个字符，上限为 {limit}）。请改为导出状态文件。',
  'share.link.notShareable': '此表格无法以链接分享：{reason}',
  'share.export.notExportable': '运行 {label} 无法写成 Python 脚本：它的公式用到了 {subject}。',
};
