/**
 * Raw cell inputs as TSV for the clipboard, the format Excel, Google Sheets and text editors
 * exchange. Only writing happens on the page (a copy must fill the clipboard event at once);
 * pasted text is parsed by the session, next to the engine.
 */

function quoteField(field: string): string {
  return /[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Join rows of fields into TSV: `formatTsv([["a", "b\tc"]]) === 'a\t"b\tc"'`. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join('\t')).join('\n');
}
