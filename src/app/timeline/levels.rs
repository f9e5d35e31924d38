//! The clusterings of the model shown, kept for the last few zoom levels. Clustering reads every
//! conference of every lane (50,000 on the bench), and a zoom gesture goes back and forth over
//! the same few half-octave levels ([`hoinghi::timeline::cluster::level`]): kept, a zoom frame
//! that returns to a level only lays out the view.

use std::sync::{Arc, Weak};

use hoinghi::timeline::{Clustering, TimelineModel};

/// Levels kept: three octaves, a few Kb to a few hundred Kb each.
const KEPT: usize = 6;

#[derive(Default)]
pub struct Levels {
    /// The model they were made for (not kept alive by them).
    model: Weak<TimelineModel>,
    /// Least recently used first.
    kept: Vec<Arc<Clustering>>,
}

impl Levels {
    /// `model` clustered at `level`, made now unless kept.
    pub fn get(&mut self, model: &Arc<TimelineModel>, level: f64) -> Arc<Clustering> {
        let this = Arc::downgrade(model);
        if !self.model.ptr_eq(&this) {
            self.model = this;
            self.kept.clear();
        }
        let clustering = match self.kept.iter().position(|c| c.px_per_day == level) {
            Some(i) => self.kept.remove(i),
            None => Arc::new(model.cluster(level)),
        };
        if self.kept.len() == KEPT {
            self.kept.remove(0);
        }
        self.kept.push(clustering.clone());
        clustering
    }
}
