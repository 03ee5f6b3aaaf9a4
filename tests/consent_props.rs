//! Whatever `localStorage` holds, reading it gives a clear outcome and never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use raison_etre::consent::{CHOICE_LIFETIME_MS, Consent, POLICY, SERVICES, Timestamp};

const NOW: Timestamp = 1_790_000_000_000;

/// A refused or never-given consent: nothing may load.
fn loads_nothing(consent: &Consent) -> bool {
    SERVICES.iter().all(|s| !consent.may_load(s))
}

/// Values that look like records: right keys, wrong or right values.
fn record_like() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        (0..NOW).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:?}")),
        Just("null".to_owned()),
        "\"[a-z0-9]{0,8}\"",
    ];
    let id = prop_oneof![
        proptest::sample::select(SERVICES.iter().map(|s| s.id).collect::<Vec<_>>()),
        Just("tiktok"),
        Just(""),
    ];
    let choices =
        proptest::collection::btree_map(id, prop_oneof!["true", "false", "1", "\"oui\""], 0..7);
    let one_or = |usual: &str, other: BoxedStrategy<String>| prop_oneof![3 => Just(usual.to_owned()), 1 => other];
    // Mostly a date that is consistent with its expiry, so that valid records come up too.
    let dates = prop_oneof![
        3 => (NOW - CHOICE_LIFETIME_MS + 1..=NOW)
            .prop_map(|d| (d.to_string(), (d + CHOICE_LIFETIME_MS).to_string())),
        1 => (number.clone(), number.clone()),
    ];
    // The policy as the version in force, the old numeric revision, or anything.
    let policy = format!("\"{}\"", POLICY.version);
    (
        one_or("2", number.clone().boxed()),
        one_or(&policy, prop_oneof![number, "\"[0-9a-f]{12}\""].boxed()),
        dates,
        choices,
    )
        .prop_map(|(schema, policy, (decided, expires), choices)| {
            let choices: Vec<_> = choices.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!(
                r#"{{"schema":{schema},"policy":{policy},"decidedAt":{decided},"expiresAt":{expires},"choices":{{{}}},"receiptId":"00112233445566778899aabbccddeeff"}}"#,
                choices.join(",")
            )
        },
    )
}

proptest! {
    #[test]
    fn any_string_gives_a_choice_or_a_reason(raw in any::<String>(), gpc in any::<bool>()) {
        let (consent, problem) = Consent::from_stored(POLICY, Some(&raw), NOW, gpc);
        match problem {
            Some(_) => {
                prop_assert!(loads_nothing(&consent));
                prop_assert_eq!(consent.needs_asking(), !gpc);
                prop_assert_eq!(consent.record(), None);
            }
            // Read as a choice: it is a record of this schema, answering the policy in force.
            None => {
                let record = consent.record();
                prop_assert!(record.is_some(), "read without a record: {}", raw);
                prop_assert_eq!(record.map(|r| r.policy), Some(POLICY.version.to_owned()));
            }
        }
    }

    #[test]
    fn a_record_like_value_never_allows_what_it_does_not_say(raw in record_like(), gpc in any::<bool>()) {
        let (consent, problem) = Consent::from_stored(POLICY, Some(&raw), NOW, gpc);
        match problem {
            Some(_) => prop_assert!(loads_nothing(&consent)),
            None => {
                let current = format!(r#""schema":2,"policy":"{}","#, POLICY.version);
                prop_assert!(raw.contains(&current));
                for service in SERVICES {
                    let said_yes = raw.contains(&format!("\"{}\":true", service.id));
                    prop_assert_eq!(consent.may_load(service), said_yes);
                }
            }
        }
    }

    #[test]
    fn a_decision_reads_back_the_same_until_it_expires(
        allowed in proptest::collection::vec(any::<bool>(), SERVICES.len()),
        decided_at in 0..NOW,
        age in 0..CHOICE_LIFETIME_MS,
    ) {
        let mut consent = Consent::new(POLICY, false);
        for (service, allowed) in SERVICES.iter().zip(allowed.iter().copied()) {
            consent.decide(service, allowed, decided_at);
        }
        let json = serde_json::to_string(&consent.record().expect("decided")).expect("serialises");
        let (restored, problem) = Consent::from_stored(POLICY, Some(&json), decided_at + age, false);
        prop_assert_eq!(problem, None);
        prop_assert_eq!(&restored, &consent);
        let (expired, problem) = Consent::from_stored(POLICY, Some(&json), decided_at + CHOICE_LIFETIME_MS, false);
        prop_assert!(problem.is_some());
        prop_assert!(loads_nothing(&expired));
    }
}
