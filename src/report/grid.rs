//! Every terminal table drawn one way: comfy-table with only a rule under
//! the header, one space between columns, measured by display width.

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

use super::theme::Theme;

/// A table with only a rule under the header: light on the eye, and it
/// copies cleanly into tickets.
pub fn new_table(theme: Theme, header: Vec<&str>) -> Table {
    let rule = if theme.unicode { '─' } else { '-' };
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_separator(LineStyle::none().fill(rule)))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(theme.width).unwrap_or(u16::MAX))
        .set_header(header);
    // One space between columns: the ranking must fit 80 columns.
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    if theme.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
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
