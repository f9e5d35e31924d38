//! Clustering within a lane: marks whose centres are closer than a few pixels merge into one
//! counted mark, which splits again as the zoom widens the gaps.
//!
//! Groups are computed over a whole lane for one zoom level, not over the visible window, so
//! panning never regroups anything: the same marks keep the same groups (and the UI can keep
//! their elements). A group also stops growing past a maximum width, so a lane dense from end to
//! end becomes a row of counted marks, one every few pixels, rather than a single blob.

/// Centres nearer than this, px, merge.
pub const GAP_PX: f64 = 12.0;
/// No group spans more than this between its first and last centre, px.
pub const MAX_SPAN_PX: f64 = 24.0;

/// The zoom clustering is done at: `px_per_day` rounded down to a half-octave step. Groups then
/// stay the same over a range of zooms, so most zoom frames only move marks instead of replacing
/// them; members end up at most √2 × [`GAP_PX`] apart on screen.
pub fn level(px_per_day: f64) -> f64 {
    (px_per_day.log2() * 2.0).floor().exp2().sqrt()
}

/// A run of consecutive items of a lane (in centre order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub first: u32,
    pub count: u32,
}

/// Greedy left-to-right grouping of sorted `centres` (days) at `px_per_day`.
pub fn cluster(centres: &[f64], px_per_day: f64) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_start = f64::NEG_INFINITY;
    let mut previous = f64::NEG_INFINITY;
    for (i, &c) in centres.iter().enumerate() {
        let x = c * px_per_day;
        match groups.last_mut() {
            Some(g) if x - previous < GAP_PX && x - group_start <= MAX_SPAN_PX => g.count += 1,
            _ => {
                groups.push(Group {
                    first: i as u32,
                    count: 1,
                });
                group_start = x;
            }
        }
        previous = x;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(groups: &[Group]) -> Vec<u32> {
        groups.iter().map(|g| g.count).collect()
    }

    #[test]
    fn near_marks_merge_and_split_when_zoomed_in() {
        let centres = [0.0, 1.0, 2.0, 30.0, 31.0, 100.0];
        // 1 px/day: the first three are 1 px apart, the next two too; 100 stands alone.
        assert_eq!(counts(&cluster(&centres, 1.0)), [3, 2, 1]);
        // 20 px/day: everything is at least 20 px apart.
        assert_eq!(counts(&cluster(&centres, 20.0)), [1; 6]);
        // Groups are consecutive runs covering every item once.
        let g = cluster(&centres, 1.0);
        assert_eq!(g[1], Group { first: 3, count: 2 });
        assert_eq!(g.iter().map(|g| g.count).sum::<u32>(), 6);
        assert!(cluster(&[], 1.0).is_empty());
    }

    #[test]
    fn zoom_levels_are_half_octaves_at_or_below_the_zoom() {
        assert_eq!(level(1.0), 1.0);
        assert_eq!(level(1.3), 1.0);
        assert!((level(1.5) - 2f64.sqrt()).abs() < 1e-12);
        assert_eq!(level(2.0), 2.0);
        assert_eq!(level(0.75), 2f64.sqrt() / 2.0);
        for z in [0.05, 0.3, 7.0, 240.0] {
            assert!(level(z) <= z && level(z) * 2f64.sqrt() > z);
        }
    }

    #[test]
    fn a_dense_lane_breaks_into_counted_marks_of_bounded_width() {
        // 7,300 marks one day apart (20 years daily) at 0.05 px/day: 0.05 px apart.
        let centres: Vec<f64> = (0..7300).map(f64::from).collect();
        let groups = cluster(&centres, 0.05);
        assert!(groups.len() > 10, "{} groups", groups.len());
        for g in &groups {
            let span =
                (centres[(g.first + g.count - 1) as usize] - centres[g.first as usize]) * 0.05;
            assert!(span <= MAX_SPAN_PX);
        }
        assert_eq!(groups.iter().map(|g| g.count as usize).sum::<usize>(), 7300);
    }
}
