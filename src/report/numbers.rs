//! Rounding and writing numbers: one rule, half up, for the 4 decimals of
//! the machine formats and the whole percentages and hundredths people read.

use crate::score::ten_thousandths;

/// A fraction in whole percent, rounded half up from its 4-decimal value
/// (0.125 is 13%), so a percentage never disagrees with the 4 decimals
/// JSON shows for the same score.
pub fn whole_percent(fraction: f64) -> i64 {
    (ten_thousandths(fraction) + 50).div_euclid(100)
}

/// A value in hundredths, rounded half up from its 4-decimal value.
pub fn hundredths(value: f64) -> i64 {
    (ten_thousandths(value) + 50).div_euclid(100)
}

/// A fraction as a whole percentage, or a dash when undefined.
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{}%", whole_percent(v)))
}

/// Appends a fraction with the 4 decimals of the machine formats, nothing
/// when undefined. Digits go through `itoa`: through `format!` this was a
/// fifth of a CSV export.
pub fn write_fraction4(out: &mut String, value: Option<f64>) {
    let Some(value) = value else {
        return;
    };
    let n = ten_thousandths(value);
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    write_integer(out, n / 10_000);
    out.push('.');
    // 10,000 more than the decimals: the four digits with their zeros,
    // after a leading 1.
    out.push_str(&itoa::Buffer::new().format(10_000 + n % 10_000)[1..]);
}

/// Appends a whole number in decimal, through `itoa` (about 11% faster
/// than the hand-written loop it replaced, `bench/benches/digits.rs`).
pub fn write_integer(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_like_format_does() {
        for value in [0.0, 1.0, 0.6838, 0.40875, 0.99995, 0.123_449_9, 0.5] {
            let mut ours = String::new();
            write_fraction4(&mut ours, Some(value));
            let rounded = crate::score::round4(value);
            assert_eq!(ours, format!("{rounded:.4}"), "{value}");
        }
        let mut none = String::new();
        write_fraction4(&mut none, None);
        assert!(none.is_empty());
        for n in [0u64, 7, 10, 24, 1_000_000, u64::MAX] {
            let mut ours = String::new();
            write_integer(&mut ours, n);
            assert_eq!(ours, n.to_string());
        }
    }

    #[test]
    fn percentages_and_hundredths_round_half_up() {
        // `format!("{:.0}")` would give 12% (ties to even) for 0.125.
        assert_eq!(percent(Some(0.125)), "13%");
        assert_eq!(percent(Some(0.135)), "14%");
        assert_eq!(percent(Some(0.124_9)), "12%");
        assert_eq!(percent(Some(0.005)), "1%");
        assert_eq!(percent(Some(1.0)), "100%");
        assert_eq!(percent(Some(0.0)), "0%");
        assert_eq!(percent(None), "-");
        assert_eq!(hundredths(2.125), 213);
        assert_eq!(hundredths(2.335), 234);
        assert_eq!(hundredths(-0.005), 0);
    }
}
