import type { Cell, FigureTable } from './figureTables.js';

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese headers as UTF-8. */
export function tableCsv(table: FigureTable): string {
  const cell = (value: Cell) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[table.headers, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One workbook, a sheet per table, numbers kept as numbers. */
export async function tablesXlsx(tables: readonly FigureTable[]): Promise<Buffer> {
  // Loaded on the first export, for the same reason as ECharts in figureCharts.ts.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneWindow';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((value) => value ?? ''));
    sheet.columns.forEach((column) => (column.width = 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
