//! The binary format round trip, damaged bytes, and the radix sort.

use super::*;

#[test]
fn index_round_trips_through_bytes_and_base64() {
    let mut rng = Rng(42);
    let mut docs = random_articles(&mut rng, 60);
    docs.extend(seeds());
    let index = SearchIndex::build(&docs);
    let bytes = index.to_bytes();
    let back = SearchIndex::from_bytes(&bytes).expect("round trip");
    assert_eq!(back, index);
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(
        SearchIndex::from_base64(&index.to_base64()).expect("base64"),
        index
    );
    assert!(back.matches(&docs));
    assert!(!back.matches(&docs[1..]));
    for q in [
        "dan van kh",
        "\"hội nghị\" -đoàn",
        "tinh:phu yen",
        "nguoi:\"mùa a sơn\" tong",
    ] {
        let req = SearchRequest {
            query: q.into(),
            ..Default::default()
        };
        assert_eq!(back.search(&req), index.search(&req), "{q}");
    }
    let empty = SearchIndex::build(&[]);
    assert_eq!(
        SearchIndex::from_bytes(&empty.to_bytes()).expect("empty"),
        empty
    );
    assert!(empty
        .search(&SearchRequest {
            query: "x".into(),
            ..Default::default()
        })
        .ids()
        .is_empty());
}

#[test]
fn damaged_bytes_give_errors_not_panics() {
    let mut rng = Rng(7);
    let docs = random_articles(&mut rng, 30);
    let bytes = SearchIndex::build(&docs).to_bytes();
    for len in 0..bytes.len() {
        assert!(
            SearchIndex::from_bytes(&bytes[..len]).is_err(),
            "truncated at {len}"
        );
    }
    assert_eq!(
        SearchIndex::from_bytes(b"nope, not an index"),
        Err(IndexError::BadMagic)
    );
    let mut future = bytes.clone();
    future[4] = 9;
    assert_eq!(
        SearchIndex::from_bytes(&future),
        Err(IndexError::UnsupportedVersion(9))
    );
    // Flipped bytes: either an error, or an index that still searches without panicking.
    for _ in 0..2000 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(damaged.len());
            damaged[i] ^= 1 << rng.below(8);
        }
        if let Ok(index) = SearchIndex::from_bytes(&damaged) {
            for q in ["dan van kh", "\"hội nghị\"", "tinh:phu yen", "-đoàn kết"] {
                let _ = index.search(&SearchRequest {
                    query: q.into(),
                    ..Default::default()
                });
            }
        }
    }
    assert!(matches!(
        SearchIndex::from_base64("@@@@"),
        Err(IndexError::Corrupt(_))
    ));
}

#[test]
fn radix_sort_is_a_stable_sort() {
    let mut rng = Rng(0x5eed_0000_0000_0002);
    for n in [0, 1, 5, 255, 256, 3000] {
        for spread in [1u64, 3, 1 << 20, u64::MAX] {
            // Ties, keys sharing their high bits, and keys of every size.
            let keys: Vec<u64> = (0..n).map(|_| (rng.next() % spread) ^ (1 << 40)).collect();
            let mut ids: Vec<u32> = (0..n as u32).rev().collect();
            let mut expected = ids.clone();
            expected.sort_by_key(|d| keys[*d as usize]);
            radix::sort_by_key(&mut ids, |d| keys[d as usize]);
            assert_eq!(ids, expected, "{n} keys below {spread}");
        }
    }
}
