//! What a lookup of several candidates (one scan tried as mobile, card and
//! external ID at once) comes to: one customer, a choice between different
//! customers, "not found", or the failure that stopped it.

use crate::capillary::{ApiError, Customer, ErrorKind, Lookup, codes};

/// The outcome of every candidate, resolved.
#[derive(Debug)]
pub enum Resolution {
    /// Exactly one customer matched.
    Found {
        customer: Box<Customer>,
        found_by: Lookup,
        /// Candidates that failed for another reason than "not found"
        /// (the customer shown may not be the only match).
        failed: Vec<(Lookup, ApiError)>,
    },
    /// Different customers matched different candidates: the person
    /// chooses; one is never picked silently.
    Choose(Vec<(Customer, Lookup)>),
    /// Every candidate said "not found"; the first answer, for its request id.
    NotFound(ApiError),
    /// Nothing matched and at least one candidate failed otherwise: that
    /// failure, not "not found".
    Failed(Lookup, ApiError),
}

/// True when a candidate's answer means "no customer by this identifier".
/// With several candidates, an org that does not look up one identifier
/// type (8013) has no customer by it either.
fn is_miss(error: &ApiError, several: bool) -> bool {
    error.kind.is_not_found()
        || (several
            && matches!(error.kind, ErrorKind::Capillary { code, .. } if code == codes::UNSUPPORTED_IDENTIFIER))
}

/// Resolves the candidates' answers, given in the order they were tried.
pub fn resolve(answers: Vec<(Lookup, Result<Customer, ApiError>)>) -> Resolution {
    let several = answers.len() > 1;
    let mut hits: Vec<(Customer, Lookup)> = Vec::new();
    let mut misses = Vec::new();
    let mut failed = Vec::new();
    for (lookup, answer) in answers {
        match answer {
            Ok(customer) => {
                let same = hits.iter().any(|(seen, _)| {
                    seen.customer_id().is_some() && seen.customer_id() == customer.customer_id()
                });
                if !same {
                    hits.push((customer, lookup));
                }
            }
            Err(error) if is_miss(&error, several) => misses.push(error),
            Err(error) => failed.push((lookup, error)),
        }
    }
    if hits.len() > 1 {
        return Resolution::Choose(hits);
    }
    if let Some((customer, found_by)) = hits.pop() {
        return Resolution::Found {
            customer: Box::new(customer),
            found_by,
            failed,
        };
    }
    if let Some((lookup, error)) = failed.into_iter().next() {
        return Resolution::Failed(lookup, error);
    }
    Resolution::NotFound(misses.into_iter().next().unwrap_or_else(|| {
        ApiError::new(ErrorKind::Capillary {
            code: codes::CUSTOMER_NOT_FOUND,
            message: String::new(),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capillary::{IdentifierKind, parse_customer_answer};

    fn customer(id: i64) -> Customer {
        let body = format!(r#"{{"id": {id}, "profiles": [{{"firstName": "C{id}"}}]}}"#);
        parse_customer_answer(200, body.as_bytes()).unwrap()
    }

    fn code(code: i64) -> ApiError {
        ApiError::new(ErrorKind::Capillary {
            code,
            message: String::new(),
        })
    }

    fn by(kind: IdentifierKind) -> Lookup {
        Lookup::new(kind, "919800000006").unwrap()
    }

    use IdentifierKind::{CardNumber, ExternalId, Mobile};

    #[test]
    fn one_hit_among_misses_is_found_by_that_identifier() {
        let resolved = resolve(vec![
            (by(Mobile), Err(code(codes::CUSTOMER_NOT_FOUND))),
            (by(CardNumber), Ok(customer(7))),
            (by(ExternalId), Err(code(codes::UNSUPPORTED_IDENTIFIER))),
        ]);
        match resolved {
            Resolution::Found {
                customer,
                found_by,
                failed,
            } => {
                assert_eq!(customer.customer_id(), Some(7));
                assert_eq!(found_by.kind, CardNumber);
                assert!(failed.is_empty(), "{failed:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn different_customers_are_a_choice_and_the_same_one_is_not() {
        let two = resolve(vec![
            (by(Mobile), Ok(customer(1))),
            (by(CardNumber), Ok(customer(2))),
        ]);
        assert!(
            matches!(&two, Resolution::Choose(m) if m.len() == 2),
            "{two:?}"
        );
        let same = resolve(vec![
            (by(Mobile), Ok(customer(1))),
            (by(CardNumber), Ok(customer(1))),
        ]);
        assert!(
            matches!(&same, Resolution::Found { found_by, .. } if found_by.kind == Mobile),
            "{same:?}"
        );
    }

    #[test]
    fn not_found_only_when_every_candidate_says_so() {
        let all_missed = resolve(vec![
            (by(Mobile), Err(code(codes::CUSTOMER_NOT_FOUND))),
            (by(CardNumber), Err(code(codes::IDENTIFIER_NOT_FOUND))),
        ]);
        assert!(matches!(all_missed, Resolution::NotFound(_)));
        let one_timed_out = resolve(vec![
            (by(Mobile), Err(code(codes::CUSTOMER_NOT_FOUND))),
            (by(CardNumber), Err(ApiError::new(ErrorKind::Timeout))),
        ]);
        assert!(
            matches!(&one_timed_out, Resolution::Failed(l, e) if l.kind == CardNumber && e.kind == ErrorKind::Timeout),
            "{one_timed_out:?}"
        );
        // A hit still shows, with the failure beside it.
        let hit_and_failure = resolve(vec![
            (by(Mobile), Ok(customer(3))),
            (by(CardNumber), Err(ApiError::new(ErrorKind::Timeout))),
        ]);
        assert!(
            matches!(&hit_and_failure, Resolution::Found { failed, .. } if failed.len() == 1),
            "{hit_and_failure:?}"
        );
    }

    #[test]
    fn an_unsupported_type_picked_on_purpose_is_a_failure() {
        let resolved = resolve(vec![(
            by(ExternalId),
            Err(code(codes::UNSUPPORTED_IDENTIFIER)),
        )]);
        assert!(matches!(resolved, Resolution::Failed(..)), "{resolved:?}");
    }
}
