//! Shared by the fuzz targets: run one answer document through the whole
//! pipeline (parse, resolve, score, render) against the built-in catalog.

use std::sync::OnceLock;

use rolefit::answers::{self, Format, Origin};
use rolefit::catalog::Catalog;
use rolefit::cli::OutputFormat;
use rolefit::report::{Reporter, Theme};

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("built-in catalog is valid"))
}

pub fn answer(data: &[u8], format: Format) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let origin = Origin {
        source: "fuzz",
        text,
        first_line: 1,
        default_id: "fuzz",
    };
    let Ok(file) = answers::parse(&origin, format) else {
        return;
    };
    let Ok(respondent) = answers::resolve(file, catalog(), &origin) else {
        return;
    };
    let scored = rolefit::score::assess(catalog(), respondent, None);
    for score in &scored.ranking {
        assert!((0.0..=1.0).contains(&score.score), "score out of range: {score:?}");
    }
    for format in [OutputFormat::Jsonl, OutputFormat::Csv] {
        let _ = Reporter::new(catalog(), format, Theme::PLAIN).render(scored.clone());
    }
    let mut out = Vec::new();
    let _ = rolefit::report::table::single(catalog(), &scored, Theme::PLAIN, &mut out);
}
