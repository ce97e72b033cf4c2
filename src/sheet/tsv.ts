/**
 * Tab-separated values as Excel and Google Sheets put them on the clipboard: tabs between
 * fields, CR LF or LF between rows, and a field that holds a tab, a line break or a quote is
 * wrapped in double quotes with its quotes doubled.
 */

/** Split TSV into rows of fields: `parseTsv('a\t"b\tc"\n1\t2')` → [["a", "b\tc"], ["1", "2"]]. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  while (i <= n) {
    let field = '';
    if (text[i] === '"') {
      // Quoted field: runs to the quote that is followed by a separator or the end.
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          if (j + 1 >= n || text[j + 1] === '\t' || text[j + 1] === '\n' || text[j + 1] === '\r') {
            j += 1;
            break;
          }
        }
        field += text[j];
        j += 1;
      }
      i = j;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j += 1;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    // Line break (CR LF, LF or CR) ends the row; a break at the very end adds no empty row.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

function quoteField(field: string): string {
  return /[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Join rows of fields into TSV: `formatTsv([["a", "b\tc"]]) === 'a\t"b\tc"'`. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join('\t')).join('\n');
}
