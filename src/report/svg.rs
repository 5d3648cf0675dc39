//! Charts as inline SVG, written by hand: no script, no fonts, no network.
//! Every chart is an image with a label for screen readers; the pages put
//! a table with the same numbers beside each one. All text goes through
//! maud, which escapes it.

use std::f64::consts::PI;

use maud::{Markup, html};

/// A number for an SVG attribute: one decimal is plenty at these sizes.
fn n(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// Text cut to `max` characters with an ellipsis; the full text is in the
/// table beside the chart and in the element's tooltip.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A cell colour for a fraction 0–1: pale to deep blue. Readable in grey
/// on paper too, since only the lightness changes.
pub fn heat(fraction: f64) -> String {
    let f = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!("hsl(212,70%,{}%)", n(96.0 - 62.0 * f))
}

/// One bar of [`bars`].
pub struct Bar {
    pub label: String,
    /// 0–1.
    pub fraction: f64,
    /// What is written after the bar ("68%", "12 (4%)").
    pub value: String,
}

const BAR_LABEL: f64 = 250.0;
const BAR_AREA: f64 = 380.0;
const BAR_ROW: f64 = 24.0;

/// Horizontal bars, one row each, on a light track from 0 to 1.
pub fn bars(title: &str, rows: &[Bar]) -> Markup {
    let width = BAR_LABEL + BAR_AREA + 80.0;
    let height = BAR_ROW * rows.len() as f64 + 8.0;
    html! {
        svg.chart viewBox={ "0 0 " (n(width)) " " (n(height)) } width=(n(width))
            role="img" aria-label=(title) {
            title { (title) }
            @for (i, row) in rows.iter().enumerate() {
                @let y = 4.0 + BAR_ROW * i as f64;
                @let fraction = if row.fraction.is_finite() { row.fraction.clamp(0.0, 1.0) } else { 0.0 };
                g {
                    title { (row.label) ": " (row.value) }
                    text.label x=(n(BAR_LABEL - 8.0)) y=(n(y + 16.0)) text-anchor="end" {
                        (clip(&row.label, 36))
                    }
                    rect.track x=(n(BAR_LABEL)) y=(n(y + 4.0)) width=(n(BAR_AREA)) height="16" {}
                    rect.bar x=(n(BAR_LABEL)) y=(n(y + 4.0)) width=(n(BAR_AREA * fraction)) height="16" {}
                    text.value x=(n(BAR_LABEL + BAR_AREA + 6.0)) y=(n(y + 16.0)) { (row.value) }
                }
            }
        }
    }
}

/// One polygon of [`radar`]: a value 1–5 per axis (None: not answered).
pub struct Series<'a> {
    pub name: &'a str,
    pub values: &'a [Option<f64>],
}

const RADAR_SIZE: f64 = 420.0;
const RADAR_RADIUS: f64 = 130.0;
/// Several series must stay apart on paper in grey: each has its own dash.
const DASHES: [&str; 4] = ["none", "6 3", "2 3", "9 3 2 3"];

/// A radar of the work-style axes (scale 1–5), one polygon per series.
/// A series with an axis not answered shows points only where it has them.
pub fn radar(title: &str, axes: &[&str], series: &[Series<'_>]) -> Markup {
    let (cx, cy) = (RADAR_SIZE / 2.0, RADAR_RADIUS + 40.0);
    let count = axes.len().max(1) as f64;
    let point = |axis: usize, value: f64| {
        let angle = -PI / 2.0 + 2.0 * PI * axis as f64 / count;
        let r = RADAR_RADIUS * value / 5.0;
        (cx + r * angle.cos(), cy + r * angle.sin())
    };
    let ring = |value: f64| {
        (0..axes.len())
            .map(|a| {
                let (x, y) = point(a, value);
                format!("{},{}", n(x), n(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The lowest axis labels sit about 1.2 radii below the centre.
    let legend_y = cy + RADAR_RADIUS * 1.2 + 40.0;
    let height = legend_y + 16.0 * series.len() as f64;
    html! {
        svg.chart.radar viewBox={ "0 0 " (n(RADAR_SIZE)) " " (n(height)) }
            width=(n(RADAR_SIZE)) role="img" aria-label=(title) {
            title { (title) }
            @for level in 1..=5 {
                polygon.ring points=(ring(f64::from(level))) {}
            }
            @for (a, name) in axes.iter().enumerate() {
                @let (x, y) = point(a, 5.0);
                @let (lx, ly) = point(a, 6.1);
                line.spoke x1=(n(cx)) y1=(n(cy)) x2=(n(x)) y2=(n(y)) {}
                text.label x=(n(lx)) y=(n(ly + 4.0)) text-anchor=(if (lx - cx).abs() < 1.0 { "middle" } else if lx > cx { "start" } else { "end" }) {
                    (name)
                }
            }
            @for (s, one) in series.iter().enumerate() {
                @let class = format!("series s{}", s % DASHES.len());
                @let dash = DASHES[s % DASHES.len()];
                g class=(class) {
                    title { (one.name) }
                    @if one.values.iter().all(Option::is_some) {
                        polygon points=(one.values.iter().enumerate().map(|(a, v)| {
                            let (x, y) = point(a, v.unwrap_or(0.0));
                            format!("{},{}", n(x), n(y))
                        }).collect::<Vec<_>>().join(" ")) stroke-dasharray=(dash) {}
                    }
                    @for (a, value) in one.values.iter().enumerate() {
                        @if let Some(v) = value {
                            @let (x, y) = point(a, *v);
                            circle cx=(n(x)) cy=(n(y)) r="3.5" {}
                        }
                    }
                    @let y = legend_y + 16.0 * s as f64;
                    line x1="12" y1=(n(y - 4.0)) x2="40" y2=(n(y - 4.0)) stroke-dasharray=(dash) {}
                    text.label x="46" y=(n(y)) { (clip(one.name, 48)) }
                }
            }
        }
    }
}

/// One cell of [`heatmap`].
pub struct Cell {
    /// 0–1, the colour.
    pub fraction: f64,
    /// Written in the cell when the map is large enough to hold it.
    pub text: String,
}

/// A grid of coloured cells: rows down, columns across, column names
/// slanted above. `cell_width` large enough for text shows each cell's text.
pub fn heatmap(
    title: &str,
    rows: &[String],
    columns: &[String],
    cells: &[Vec<Option<Cell>>],
    cell_width: f64,
) -> Markup {
    const LABEL: f64 = 200.0;
    const HEAD: f64 = 150.0;
    let row_height = if cell_width >= 40.0 { 22.0 } else { 16.0 };
    let width = LABEL + cell_width * columns.len() as f64 + 110.0;
    let height = HEAD + row_height * rows.len() as f64 + 4.0;
    let show_text = cell_width >= 24.0;
    html! {
        svg class=(if cell_width >= 40.0 { "chart heatmap wide-cells" } else { "chart heatmap" })
            viewBox={ "0 0 " (n(width)) " " (n(height)) } width=(n(width))
            role="img" aria-label=(title) {
            title { (title) }
            @for (c, column) in columns.iter().enumerate() {
                @let x = LABEL + cell_width * (c as f64 + 0.5);
                text.label transform={ "translate(" (n(x)) "," (n(HEAD - 6.0)) ") rotate(-45)" } {
                    (clip(column, 30))
                }
            }
            @for (r, name) in rows.iter().enumerate() {
                @let y = HEAD + row_height * r as f64;
                text.label x=(n(LABEL - 6.0)) y=(n(y + row_height * 0.72)) text-anchor="end" {
                    (clip(name, 28))
                }
                @for (c, cell) in cells[r].iter().enumerate() {
                    @if let Some(cell) = cell {
                        @let x = LABEL + cell_width * c as f64;
                        rect x=(n(x)) y=(n(y)) width=(n(cell_width - 1.0)) height=(n(row_height - 1.0)) fill=(heat(cell.fraction)) {
                            title { (name) ", " (columns[c]) ": " (cell.text) }
                        }
                        @if show_text {
                            text.cell x=(n(x + cell_width / 2.0)) y=(n(y + row_height * 0.72)) text-anchor="middle"
                                fill=(if cell.fraction > 0.55 { "#fff" } else { "#111" }) {
                                (cell.text)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One row of [`shifts`]: a value then and now, each 0–1 (None: absent).
pub struct Shift {
    pub label: String,
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// What is written after the track ("40% → 52%").
    pub value: String,
}

/// A value then and now per row on a track from 0 to 1: a hollow dot then,
/// a filled dot now, a line between; so a rise points right.
pub fn shifts(title: &str, rows: &[Shift]) -> Markup {
    let width = BAR_LABEL + BAR_AREA + 110.0;
    let height = BAR_ROW * rows.len() as f64 + 8.0;
    let x = |f: f64| {
        BAR_LABEL
            + BAR_AREA
                * if f.is_finite() {
                    f.clamp(0.0, 1.0)
                } else {
                    0.0
                }
    };
    html! {
        svg.chart.shifts viewBox={ "0 0 " (n(width)) " " (n(height)) } width=(n(width))
            role="img" aria-label=(title) {
            title { (title) }
            @for (i, row) in rows.iter().enumerate() {
                @let y = 4.0 + BAR_ROW * i as f64 + 12.0;
                g {
                    title { (row.label) ": " (row.value) }
                    text.label x=(n(BAR_LABEL - 8.0)) y=(n(y + 4.0)) text-anchor="end" {
                        (clip(&row.label, 36))
                    }
                    rect.track x=(n(BAR_LABEL)) y=(n(y - 1.0)) width=(n(BAR_AREA)) height="2" {}
                    @if let (Some(from), Some(to)) = (row.from, row.to) {
                        line.move x1=(n(x(from))) y1=(n(y)) x2=(n(x(to))) y2=(n(y)) {}
                    }
                    @if let Some(from) = row.from {
                        circle.then cx=(n(x(from))) cy=(n(y)) r="5" {}
                    }
                    @if let Some(to) = row.to {
                        circle.now cx=(n(x(to))) cy=(n(y)) r="5" {}
                    }
                    text.value x=(n(BAR_LABEL + BAR_AREA + 10.0)) y=(n(y + 4.0)) { (row.value) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.26), "12.3");
    }

    #[test]
    fn long_labels_are_clipped_on_characters() {
        assert_eq!(clip("abc", 5), "abc");
        assert_eq!(clip("ééééééé", 4), "ééé…");
    }

    #[test]
    fn text_in_charts_is_escaped() {
        let hostile = "<script>alert(1)</script>";
        let svg = bars(
            hostile,
            &[Bar {
                label: hostile.into(),
                fraction: 2.0,
                value: "\"x\"".into(),
            }],
        )
        .into_string();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        // A fraction out of range draws a full bar, not a longer one.
        assert!(svg.contains(&format!("width=\"{}\"", n(BAR_AREA))));
        let radar = radar(
            hostile,
            &[hostile, "b", "c"],
            &[Series {
                name: hostile,
                values: &[Some(1.0), None, Some(5.0)],
            }],
        )
        .into_string();
        assert!(!radar.contains("<script"));
        // An unanswered axis: points only, no polygon for that series.
        assert_eq!(radar.matches("<circle").count(), 2);
    }
}
