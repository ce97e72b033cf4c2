/**
 * Tab-separated values as Excel and Google Sheets put them on the clipboard: tabs between
 * fields, CR LF or LF between rows, and a field that holds a tab, a line break or a quote is
 * wrapped in double quotes with its quotes doubled.
 */

/**
 * Split TSV into rows of fields: `parseTsv('a\t"b\tc"\n1\t2')` → [["a", "b\tc"], ["1", "2"]].
 * One pass with slices (no character-by-character string building), so a 10 MB paste is linear.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  if (n === 0) return [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: runs to the quote that is followed by a separator or the end; "" is a quote.
      const pieces: string[] = [];
      let from = i + 1;
      let j = from;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote < 0) {
          pieces.push(text.slice(from));
          j = n;
          break;
        }
        const after = text.charCodeAt(quote + 1);
        if (after === QUOTE) {
          pieces.push(text.slice(from, quote + 1));
          from = quote + 2;
          j = from;
          continue;
        }
        if (quote + 1 >= n || after === TAB || after === LF || after === CR) {
          pieces.push(text.slice(from, quote));
          j = quote + 1;
          break;
        }
        // A lone quote inside the field is kept as it is.
        j = quote + 1;
      }
      field = pieces.length === 1 ? pieces[0] : pieces.join('');
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const code = text.charCodeAt(j);
        if (code === TAB || code === LF || code === CR) break;
        j += 1;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text.charCodeAt(i) === TAB) {
      i += 1;
      continue;
    }
    // Line break (CR LF, LF or CR) ends the row; a break at the very end adds no empty row.
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

const QUOTE = 34;
const TAB = 9;
const LF = 10;
const CR = 13;

function quoteField(field: string): string {
  return /[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Join rows of fields into TSV: `formatTsv([["a", "b\tc"]]) === 'a\t"b\tc"'`. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join('\t')).join('\n');
}
