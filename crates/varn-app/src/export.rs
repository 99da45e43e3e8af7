//! CSV and XLSX exports of any list.

use crate::AppError;

/// A table to export: headers and rows of text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Column headings (already translated).
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

/// Guards against formula injection in spreadsheets: a cell that starts like a formula is
/// prefixed with an apostrophe.
fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The start of a CSV export: the UTF-8 byte-order mark (Excel opens Swedish letters right)
/// and the header line.
pub fn csv_head(headers: &[String]) -> Result<Vec<u8>, AppError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend(csv_lines(std::slice::from_ref(&headers.to_vec()))?);
    Ok(out)
}

/// Rows as CSV lines (`;`-separated, as Swedish Excel expects), each cell guarded against
/// formula injection: an export streams these a chunk at a time.
pub fn csv_lines(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        for r in rows {
            w.write_record(r.iter().map(|c| safe_cell(c).into_owned())).map_err(|e| AppError::Internal(e.to_string()))?;
        }
        w.flush().map_err(|e| AppError::Internal(e.to_string()))?;
    }
    Ok(out)
}

impl Table {
    /// CSV with a UTF-8 byte-order mark (Excel opens Swedish letters right) and `;`
    /// separators, as Swedish Excel expects.
    pub fn to_csv(&self) -> Result<Vec<u8>, AppError> {
        let mut out = csv_head(&self.headers)?;
        out.extend(csv_lines(&self.rows)?);
        Ok(out)
    }

    /// An XLSX workbook with one sheet.
    pub fn to_xlsx(&self, sheet: &str) -> Result<Vec<u8>, AppError> {
        use rust_xlsxwriter::{Format, Workbook};
        let err = |e: rust_xlsxwriter::XlsxError| AppError::Internal(e.to_string());
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet.chars().take(31).collect::<String>()).map_err(err)?;
        let bold = Format::new().set_bold();
        for (c, h) in self.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold).map_err(err)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string((r + 1) as u32, c as u16, v).map_err(err)?;
            }
        }
        ws.autofit();
        wb.save_to_buffer().map_err(err)
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_semicolons_and_no_formulas() {
        let t = Table { headers: vec!["Namn".into(), "Typ".into()], rows: vec![vec!["Åsa; \"chef\"".into(), "=1+1".into()]] };
        let csv = t.to_csv().unwrap_or_default();
        let s = String::from_utf8(csv[3..].to_vec()).unwrap_or_default();
        assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(s, "Namn;Typ\n\"Åsa; \"\"chef\"\"\";'=1+1\n");
        // Every prefix a spreadsheet reads as a formula is guarded; others are kept.
        let cells: Vec<String> = ["+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "1-2"].iter().map(|c| (*c).to_owned()).collect();
        let lines = String::from_utf8(csv_lines(&[cells]).unwrap_or_default()).unwrap_or_default();
        assert_eq!(lines, "'+1;'-1;'@SUM(A1);'\tx;\"'\rx\";a=b;1-2\n");
        // A streamed export (head, then chunks) is byte for byte the table's CSV.
        let mut streamed = csv_head(&t.headers).unwrap_or_default();
        streamed.extend(csv_lines(&t.rows).unwrap_or_default());
        assert_eq!(streamed, csv);
    }

    #[test]
    fn xlsx_holds_the_sheet_the_header_and_the_rows() {
        use std::io::Read;
        let t = Table { headers: vec!["Namn".into()], rows: vec![vec!["Åsa Öberg".into()], vec!["=2+2".into()]] };
        let x = t.to_xlsx("Lista").unwrap_or_default();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(x)).unwrap_or_else(|e| panic!("not a workbook: {e}"));
        let mut read = |name: &str| {
            let mut s = String::new();
            zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut s).unwrap_or_default();
            s
        };
        assert!(read("xl/workbook.xml").contains("name=\"Lista\""));
        let sheet = read("xl/worksheets/sheet1.xml");
        let strings = read("xl/sharedStrings.xml");
        assert!(strings.contains(">Namn<") && strings.contains(">Åsa Öberg<"), "{strings}");
        // Cells are strings, never formulas, even when they look like one.
        assert!(!sheet.contains("<f>"), "{sheet}");
        assert_eq!(sheet.matches("t=\"s\"").count(), 3, "{sheet}");
    }
}
