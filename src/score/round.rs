//! The one rounding rule: fractions to the 4 decimals that JSON shows,
//! half up, and the comparisons the ranking makes with it.

/// A nudge far below 1e-4 and far above floating-point noise. Scores are
/// built from halves, fifths and two-decimal weights, so a value can be
/// exactly half-way on paper (0.40875) yet land a hair either side of it,
/// depending on the order of operations. The nudge rounds such values up
/// whatever the arithmetic, so every implementation of the rule agrees.
const HALF_WAY_NUDGE: f64 = 1e-6;

/// A fraction in ten-thousandths plus a half: rounding half up is then
/// the floor.
#[inline(always)]
fn shifted(x: f64) -> f64 {
    x * 10_000.0 + HALF_WAY_NUDGE + 0.5
}

/// A fraction in ten-thousandths, rounded half up: the precision of JSON.
#[inline]
pub fn ten_thousandths(x: f64) -> i64 {
    let shifted = shifted(x);
    // Truncation is floor for the non-negative values scores are, and
    // much cheaper than a libm call in the ranking's hot loop.
    if shifted >= 0.0 {
        shifted as i64
    } else {
        shifted.floor() as i64
    }
}

/// Whether `x` in ten-thousandths is below `bar`, a whole number of them:
/// `ten_thousandths(x) < bar` without the conversion to an integer (a
/// number's floor is below a whole number exactly when the number is).
#[inline(always)]
pub(super) fn rounds_below(x: f64, bar: f64) -> bool {
    shifted(x) < bar
}

/// Rounds to the 4 decimals that JSON shows.
pub fn round4(x: f64) -> f64 {
    ten_thousandths(x) as f64 / 10_000.0
}
