//! Any status and body a server could send for a customer lookup: the
//! client must turn it into a customer or an error, never panic, and what
//! it shows the cashier must be computable from either.
#![no_main]

use capillary::parse_customer_answer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first two bytes pick the status, the rest is the body.
    let (status, body) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]) % 600, rest),
        _ => (200, data),
    };
    match parse_customer_answer(status, body) {
        Ok(customer) => {
            let _ = customer.display_name();
            let _ = customer.customer_id();
            let _ = customer.photo();
            let _ = customer.photo_entry().and_then(|e| e.cache_key());
            let _ = customer.is_flagged_fraud();
            for kind in ["mobile", "email", "cardnumber", "externalId"] {
                let _ = customer.identifier(kind);
            }
            let _ = format!("{customer:?}");
        }
        Err(error) => {
            let _ = error.to_string();
            let _ = error.kind.is_not_found();
        }
    }
});
