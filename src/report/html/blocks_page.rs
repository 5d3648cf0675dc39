//! A page drawn from plain report blocks (the `diff` report): each table
//! with its chart beside it, in the frame of `page`.

use maud::{Markup, html};

use super::page::{DISCLAIMER, page};
use crate::diagnostics::thousands;
use crate::report::blocks::{Block, Chart};
use crate::report::numbers::{percent, whole_percent};
use crate::report::svg::{self, Bar, Cell, Shift};

/// The chart of a table, as inline SVG.
fn chart(caption: &str, header: &[String], rows: &[Vec<String>], chart: &Chart) -> Markup {
    match chart {
        Chart::Heat(values) => {
            let names: Vec<String> = rows
                .iter()
                .map(|r| r.first().cloned().unwrap_or_default())
                .collect();
            let cells: Vec<Vec<Option<Cell>>> = (values.iter())
                .map(|line| {
                    (line.iter())
                        .map(|v| {
                            v.map(|f| Cell {
                                fraction: f,
                                text: whole_percent(f).to_string(),
                            })
                        })
                        .collect()
                })
                .collect();
            svg::heatmap(
                caption,
                &names,
                header.get(1..).unwrap_or_default(),
                &cells,
                40.0,
            )
        }
        Chart::Counts(counts) => {
            let most = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1);
            let bars: Vec<Bar> = counts
                .iter()
                .map(|(label, count)| Bar {
                    label: label.clone(),
                    fraction: *count as f64 / most as f64,
                    value: thousands(*count),
                })
                .collect();
            svg::bars(caption, &bars)
        }
        Chart::Shifts(rows) => {
            let shifts: Vec<Shift> = rows
                .iter()
                .map(|(label, from, to)| Shift {
                    label: label.clone(),
                    from: *from,
                    to: *to,
                    value: format!("{} → {}", percent(*from), percent(*to)),
                })
                .collect();
            svg::shifts(caption, &shifts)
        }
    }
}

/// One self-contained page of `blocks`, titled `title`.
pub fn blocks_page(title: &str, blocks: &[Block]) -> Markup {
    let body = html! {
        header {
            h1 { (title) }
            p.disclaimer { (DISCLAIMER) }
        }
        (blocks_markup(blocks))
    };
    page(title, body)
}

/// The blocks as HTML, each table with its chart beside it.
pub fn blocks_markup(blocks: &[Block]) -> Markup {
    let table = |caption: &str, header: &[String], rows: &[Vec<String>], numeric: &[usize]| {
        let class = |c: usize| numeric.contains(&c).then_some("num");
        html! {
            div.wide {
                table {
                    // The heading above says it; screen readers get it here.
                    caption.sr-only { (caption) }
                    thead { tr { @for (c, h) in header.iter().enumerate() { th class=[class(c)] { (h) } } } }
                    tbody { @for row in rows {
                        tr { @for (c, cell) in row.iter().enumerate() {
                            @if c == 0 { th scope="row" { (cell) } } @else { td class=[class(c)] { (cell) } }
                        } }
                    } }
                }
            }
        }
    };
    html! {
        @for block in blocks {
            @match block {
                Block::Heading(text) => h2 { (text) },
                Block::Paragraph(text) => p { (text) },
                Block::Table { caption, header, rows, numeric, chart: Some(drawn) } => {
                    section {
                        h3 { (caption) }
                        @if matches!(drawn, Chart::Shifts(_)) {
                            p.note { "○ then, ● now: a line to the right is a rise." }
                        }
                        figure {
                            div.chart-box { (chart(caption, header, rows, drawn)) }
                            (table(caption, header, rows, numeric))
                        }
                    }
                },
                Block::Table { caption, header, rows, numeric, chart: None } => {
                    section {
                        h3 { (caption) }
                        (table(caption, header, rows, numeric))
                    }
                },
            }
        }
    }
}
