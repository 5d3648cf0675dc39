//! Every terminal table drawn one way: comfy-table with only a rule under
//! the header, one space between columns, measured by display width.
//! comfy-table is built without its `tty` feature (no crossterm): it is
//! given the width (from console) and cells hold plain text; colour is
//! console's, added around a table's lines or after it is laid out.

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

use super::theme::Theme;

/// A table with only a rule under the header: light on the eye, and it
/// copies cleanly into tickets.
pub fn new_table(theme: Theme, header: Vec<&str>) -> Table {
    let mut table = new_table_without_header(theme);
    table.set_header(header);
    pad_columns(&mut table);
    table
}

/// A table drawn like [`new_table`] with no header: more rows of one.
pub fn new_table_without_header(theme: Theme) -> Table {
    let rule = if theme.unicode { '─' } else { '-' };
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_separator(LineStyle::none().fill(rule)))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(theme.width).unwrap_or(u16::MAX));
    table
}

/// One space between columns: the ranking must fit 80 columns.
fn pad_columns(table: &mut Table) {
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
}

/// Every column exactly as wide as `widths` says (and a space), whatever
/// its cells: chunks of one table drawn apart line up.
pub fn fix_widths(table: &mut Table, widths: &[u16]) {
    pad_columns(table);
    for (column, width) in table.column_iter_mut().zip(widths) {
        column.set_constraint(ColumnConstraint::Absolute(comfy_table::Width::Fixed(
            width.saturating_add(1),
        )));
    }
}

/// Keeps every column but `flexible` at its content width, so only that
/// one wraps when the terminal is narrow.
pub fn wrap_only(table: &mut Table, flexible: usize) {
    for (i, column) in table.column_iter_mut().enumerate() {
        if i != flexible {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Right-aligns the columns that hold numbers.
pub fn align_right(table: &mut Table, columns: &[usize]) {
    for &c in columns {
        if let Some(column) = table.column_mut(c) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}
