//! Stable sorting of result ids by integer keys, in linear time.
//!
//! Comparison-sorting tens of thousands of results took milliseconds on every keystroke of a
//! common word. A least-significant-digit radix sort takes a few passes over them, and skips
//! the digits every key shares (the dates of a decade share their high digits).

/// Bits per pass: 2048 buckets stay in the first-level cache.
const BITS: u32 = 11;

/// Below this many ids a comparison sort is as fast.
const SMALL: usize = 256;

/// Sorts `ids` by `key`, keeping the current order among equal keys.
pub(crate) fn sort_by_key(ids: &mut [u32], key: impl Fn(u32) -> u64) {
    if ids.len() < SMALL {
        ids.sort_by_key(|d| key(*d));
        return;
    }
    let items: Vec<(u64, u32)> = ids.iter().map(|d| (key(*d), *d)).collect();
    let (any, all) = items
        .iter()
        .fold((0, u64::MAX), |(any, all), (k, _)| (any | k, all & k));
    let varying = any ^ all;
    let mask = (1u64 << BITS) - 1;
    // Boxed slices: indexing a `Vec` is a call in the size-optimised build.
    let mut items = items.into_boxed_slice();
    let mut spare = vec![(0, 0); items.len()].into_boxed_slice();
    let mut starts = vec![0usize; 1 << BITS].into_boxed_slice();
    let mut shift = 0;
    while shift < u64::BITS && varying >> shift != 0 {
        if varying >> shift & mask != 0 {
            starts.fill(0);
            for (k, _) in items.iter() {
                starts[(k >> shift & mask) as usize] += 1;
            }
            let mut sum = 0;
            for start in starts.iter_mut() {
                (*start, sum) = (sum, sum + *start);
            }
            for item in items.iter() {
                let bucket = &mut starts[(item.0 >> shift & mask) as usize];
                spare[*bucket] = *item;
                *bucket += 1;
            }
            std::mem::swap(&mut items, &mut spare);
        }
        shift += BITS;
    }
    for (id, item) in ids.iter_mut().zip(items.iter()) {
        *id = item.1;
    }
}
