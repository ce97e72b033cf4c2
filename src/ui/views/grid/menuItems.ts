/**
 * The context menu's actions. Row and column actions apply to every row or column the selection
 * spans (select three rows, "Delete row" deletes three), as in Excel and Google Sheets.
 *
 * Row and column indexes passed to the model are 0-based (row "1" is index 0, column "A" is 0),
 * and `at` is where the first new row or column goes.
 */
import type { MessageKey } from '../../../i18n/messages';
import { formatRange } from './cellAddress';
import type { GridController, MenuTarget } from './gridController';

export interface MenuItem {
  readonly id: string;
  readonly label: MessageKey;
  run(): void;
}

export function menuItems(target: MenuTarget, ctl: GridController): readonly MenuItem[] {
  const { model } = ctl;
  const rect = ctl.rect();
  const rowCount = rect.bottom - rect.top + 1;
  const colCount = rect.right - rect.left + 1;
  const rowItems: MenuItem[] = [
    { id: 'insertRowAbove', label: 'action.insertRowAbove', run: () => model.insertRows(rect.top, rowCount) },
    { id: 'insertRowBelow', label: 'action.insertRowBelow', run: () => model.insertRows(rect.bottom + 1, rowCount) },
    { id: 'deleteRow', label: 'action.deleteRow', run: () => model.deleteRows(rect.top, rowCount) },
  ];
  const colItems: MenuItem[] = [
    { id: 'insertColLeft', label: 'action.insertColLeft', run: () => model.insertCols(rect.left, colCount) },
    { id: 'insertColRight', label: 'action.insertColRight', run: () => model.insertCols(rect.right + 1, colCount) },
    { id: 'deleteCol', label: 'action.deleteCol', run: () => model.deleteCols(rect.left, colCount) },
  ];
  const nameItem: MenuItem = { id: 'nameCell', label: 'action.nameCell', run: () => ctl.setNaming(ctl.active()) };
  const clearItem: MenuItem = { id: 'clear', label: 'action.clear', run: () => model.clear(formatRange(rect)) };
  switch (target) {
    case 'row':
      return [...rowItems, clearItem];
    case 'col':
      return [...colItems, clearItem];
    case 'cell':
      return [...rowItems, ...colItems, nameItem, clearItem];
  }
}
