/**
 * The headless CLI's own sentences (errors and warnings on stderr), in English and Chinese. The
 * CLI prints English; the Chinese keeps the catalogue complete, as for every other table.
 */

export const CLI_MESSAGES_EN = {
  'cli.error.linkWithoutPlayground': 'the link has no playground in it (expected "#s=…")',
  'cli.error.linkUnreadable': 'the link cannot be opened: {reason}',
  'cli.error.noSuchFile': 'no such file: {path} (pass a playground link or a state file)',
  'cli.error.fileUnreadable': 'the state file cannot be opened: {reason}',
  'cli.warning.runFailed': 'a run failed: {reason}',
} as const;

type CliSentenceKey = keyof typeof CLI_MESSAGES_EN;

export const CLI_MESSAGES_ZH: { readonly [K in CliSentenceKey]: string } = {
  'cli.error.linkWithoutPlayground': '链接中没有实验场（应包含 "#s=…"）',
  'cli.error.linkUnreadable': '无法打开链接：{reason}',
  'cli.error.noSuchFile': '没有这个文件：{path}（请给出实验场链接或状态文件）',
  'cli.error.fileUnreadable': '无法打开状态文件：{reason}',
  'cli.warning.runFailed': '有一个运行失败：{reason}',
};
