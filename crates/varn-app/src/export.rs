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

impl Table {
    /// CSV with a UTF-8 byte-order mark (Excel opens Swedish letters right) and `;`
    /// separators, as Swedish Excel expects.
    pub fn to_csv(&self) -> Result<Vec<u8>, AppError> {
        let mut out = vec![0xEF, 0xBB, 0xBF];
        {
            let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
            w.write_record(&self.headers).map_err(|e| AppError::Internal(e.to_string()))?;
            for r in &self.rows {
                w.write_record(r.iter().map(|c| safe_cell(c).into_owned())).map_err(|e| AppError::Internal(e.to_string()))?;
            }
            w.flush().map_err(|e| AppError::Internal(e.to_string()))?;
        }
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
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_semicolons_and_no_formulas() {
        let t = Table { headers: vec!["Namn".into(), "Typ".into()], rows: vec![vec!["Åsa; \"chef\"".into(), "=1+1".into()]] };
        let csv = t.to_csv().unwrap_or_default();
        let s = String::from_utf8(csv[3..].to_vec()).unwrap_or_default();
        assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(s, "Namn;Typ\n\"Åsa; \"\"chef\"\"\";'=1+1\n");
    }

    #[test]
    fn xlsx_is_a_zip() {
        let t = Table { headers: vec!["A".into()], rows: vec![vec!["1".into()]] };
        let x = t.to_xlsx("Lista").unwrap_or_default();
        assert_eq!(&x[..2], b"PK");
    }
}
