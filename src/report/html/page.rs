//! The frame of every HTML report: the policy that forbids loading
//! anything, the styles (screen and print), the disclaimer.

use maud::{DOCTYPE, Markup, PreEscaped, html};

pub(super) const DISCLAIMER: &str =
    "Results are for self-directed exploration, not hiring decisions.";

/// Nothing may be loaded: no script, style sheet, font, image or frame.
/// The page's own `<style>` and SVG presentation attributes are inline.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const CSS: &str = r#"
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #1c5fa8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink); background: #fff; margin: 0 auto; padding: 24px 32px 48px; max-width: 1180px; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 16px; }
h1 { font-size: 1.7em; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.3em; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 16px 0 6px; }
p.meta, p.note, .disclaimer { color: var(--muted); margin: 4px 0 12px; }
.disclaimer { font-style: italic; }
figure { margin: 12px 0; display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-start; }
figure > .chart-box { flex: 0 1 auto; max-width: 100%; overflow-x: auto; }
figcaption { flex-basis: 100%; font-weight: 600; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; font-family: inherit; }
svg .label { fill: var(--ink); }
svg .value { fill: var(--muted); }
svg.heatmap text.cell { font-size: 9px; }
svg.heatmap.wide-cells text.cell { font-size: 12px; }
svg .track { fill: #eef1f4; }
svg .bar { fill: var(--accent); }
svg .ring { fill: none; stroke: var(--line); }
svg.shifts .track { fill: var(--line); }
svg.shifts line.move { stroke: var(--accent); stroke-width: 3; }
svg.shifts circle.then { fill: #fff; stroke: var(--muted); stroke-width: 2; }
svg.shifts circle.now { fill: var(--accent); }
svg .spoke { stroke: var(--line); }
svg .series polygon { stroke-width: 2.5; }
svg .series line { stroke-width: 2.5; }
svg .series text { fill: var(--ink); stroke: none; }
svg .s0 { stroke: #d9480f; fill: rgba(217, 72, 15, 0.12); }
svg .s0 circle { fill: #d9480f; }
svg .s1 { stroke: #1c5fa8; fill: rgba(28, 95, 168, 0.12); }
svg .s1 circle { fill: #1c5fa8; }
svg .s2 { stroke: #2b8a3e; fill: rgba(43, 138, 62, 0.10); }
svg .s2 circle { fill: #2b8a3e; }
svg .s3 { stroke: #862e9c; fill: rgba(134, 46, 156, 0.10); }
svg .s3 circle { fill: #862e9c; }
table { border-collapse: collapse; font-size: 0.92em; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { overflow-wrap: anywhere; max-width: 22em; }
.wide { overflow-x: auto; max-width: 100%; }
ul.tags { list-style: none; padding: 0; margin: 4px 0; }
td.score { white-space: nowrap; }
span.meter { display: inline-block; width: 80px; height: 10px; background: #eef1f4; vertical-align: middle; }
span.meter .fill { display: block; height: 100%; background: var(--accent); }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; color: var(--muted); margin: 8px 0; font-size: 0.92em; }
dl.legend dt { font-weight: 600; }
dl.legend dd { margin: 0; }
.card { break-inside: avoid; }
ul.tags li { margin: 2px 0; }
.yes { color: #2b8a3e; font-weight: 700; }
.no { color: #c92a2a; font-weight: 700; }
dl.behaviours dt { font-weight: 600; margin-top: 8px; }
dl.behaviours dd { margin: 2px 0 0 0; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 8px 32px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { break-before: avoid; page-break-before: avoid; margin-top: 40px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9em; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; padding: 0; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 18px; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure { display: block; }
  figure > * { margin-bottom: 10px; }
  .chart-box, tr, .card, dl.behaviours dd, header { break-inside: avoid; page-break-inside: avoid; }
  figure.heat .chart-box { break-inside: auto; page-break-inside: auto; }
  #heatmap, #distribution { break-before: page; page-break-before: always; }
  .wide { overflow: visible; }
  svg.chart { max-width: 100%; }
}
"#;

/// The frame of every report: the policy that forbids loading anything,
/// the styles, the disclaimer.
pub(super) fn page(title: &str, body: Markup) -> Markup {
    // Every text from input is in `body` or `title`: escaped once here.
    let body = PreEscaped(crate::text::escape_markup(body.into_string()));
    let title = crate::text::escape_control(title);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                meta name="generator" content={ "rolefit " (env!("CARGO_PKG_VERSION")) };
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (body)
                footer {
                    p { (DISCLAIMER) " Made with rolefit " (env!("CARGO_PKG_VERSION")) "." }
                }
            }
        }
    }
}
