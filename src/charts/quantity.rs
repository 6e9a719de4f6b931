//! Numbers as the paper writes them: reading a quoted figure ("over 200
//! million yuan") and printing a value ("1,100").

/// Integers with thousands separators as the paper prints them ("1,100"),
/// fractions in their shortest form ("40.27").
pub fn format_value(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return v.to_string();
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

pub(crate) fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The first quantity a quote states, scaled: "over 200 million yuan" is 2e8,
/// "1,100 employees" 1100, "only five employees" 5.
pub fn quote_quantity(quote: &str) -> Option<f64> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_start_matches(['(', '"', '“']);
        let number: String = w
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
            .filter(|&c| c != ',')
            .collect();
        let number = number.trim_end_matches('.');
        let n = if number.starts_with(|c: char| c.is_ascii_digit()) {
            number.parse::<f64>().ok()
        } else {
            let lower = w.to_lowercase();
            let bare = lower.trim_end_matches(|c: char| !c.is_alphabetic());
            NUMBER_WORDS
                .iter()
                .position(|&n| n == bare)
                .map(|k| k as f64 + 1.0)
        };
        if let Some(n) = n {
            let factor = words.get(i + 1).and_then(|next| scale(next)).unwrap_or(1.0);
            return Some(n * factor);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_read_as_scaled_quantities() {
        assert_eq!(quote_quantity("over 200 million yuan"), Some(2e8));
        assert_eq!(quote_quantity("exceeded 40.27 billion yuan"), Some(40.27e9));
        assert_eq!(quote_quantity("1,100 employees"), Some(1100.0));
        assert_eq!(quote_quantity("only five employees"), Some(5.0));
        assert_eq!(quote_quantity("23.8%"), Some(23.8));
        assert_eq!(quote_quantity("several million dollars"), None);
    }

    #[test]
    fn values_print_as_the_paper_does() {
        assert_eq!(format_value(1100.0), "1,100");
        assert_eq!(format_value(16289.0), "16,289");
        assert_eq!(format_value(40.27), "40.27");
        assert_eq!(format_value(7.0), "7");
    }
}
