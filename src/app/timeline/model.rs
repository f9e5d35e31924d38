//! The timeline model of a search, and the bundle's conference table it is picked from, both
//! kept between visits to the page.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use hoinghi::display::Lang;
use hoinghi::load::Loaded;
use hoinghi::search::SearchResults;
use hoinghi::timeline::{Conferences, LaneBy, LaneOrder, TimelineModel};

/// What a model is built from: the search's results (by identity) and the lane choices.
pub(super) struct ModelKey {
    pub results: Arc<SearchResults>,
    pub by: LaneBy,
    pub order: LaneOrder,
    pub lang: Lang,
    pub within: Option<(i32, i32)>,
}

impl PartialEq for ModelKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.results, &other.results)
            && (self.by, self.order, self.lang, self.within)
                == (other.by, other.order, other.lang, other.within)
    }
}

thread_local! {
    /// The last model built, kept while the list is shown: going back to the timeline with the
    /// same search draws without reading 50,000 conferences again. The key holds its results
    /// alive, so a pointer cannot be reused by another search while cached.
    static LAST_MODEL: RefCell<Option<(ModelKey, Arc<TimelineModel>)>> = const { RefCell::new(None) };
}

thread_local! {
    /// The conference table of the bundle shown (held weakly: a bundle that is replaced is
    /// freed).
    static TABLE: RefCell<Option<(Weak<Loaded>, Arc<Conferences>)>> = const { RefCell::new(None) };
}

pub(super) fn table_for(loaded: &Arc<Loaded>) -> Arc<Conferences> {
    TABLE.with_borrow_mut(|cached| match cached {
        Some((bundle, table)) if Weak::ptr_eq(bundle, &Arc::downgrade(loaded)) => table.clone(),
        _ => {
            let table = Arc::new(Conferences::new(&loaded.bundle.articles));
            *cached = Some((Arc::downgrade(loaded), table.clone()));
            table
        }
    })
}

/// Reads a newly loaded bundle's conferences when the browser is next idle, so the first
/// switch to the timeline does not have to (on 50,000 conferences that read is most of a
/// first draw).
pub fn warm(loaded: &Arc<Loaded>) {
    let bundle = Arc::downgrade(loaded);
    super::super::when_idle(move || {
        if let Some(loaded) = bundle.upgrade() {
            table_for(&loaded);
        }
    });
}

pub(super) fn last_model(
    key: ModelKey,
    build: impl FnOnce(&ModelKey) -> TimelineModel,
) -> Arc<TimelineModel> {
    LAST_MODEL.with_borrow_mut(|last| match last {
        Some((k, model)) if *k == key => model.clone(),
        _ => {
            let model = Arc::new(build(&key));
            *last = Some((key, model.clone()));
            model
        }
    })
}
