//! Every word of the interface, in Vietnamese (the default) and English.
//!
//! Fixed labels are fields of [`Texts`], declared once with both languages side by side so a label
//! cannot exist in one language only; sentences with numbers in them are methods that branch on
//! the language. The app picks `lang.texts()` from the reader's choice; native tests check that
//! the English table really is English.

pub use crate::display::Lang;
use crate::display::MONTHS_EN;

/// Declares the label table: each entry is `name: "Vietnamese", "English";`.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident: $vi:expr, $en:expr;)*) => {
        /// The interface's fixed labels in one language.
        pub struct Texts {
            pub lang: Lang,
            $($(#[$doc])* pub $name: &'static str,)*
        }

        pub static VI: Texts = Texts { lang: Lang::Vi, $($name: $vi,)* };
        pub static EN: Texts = Texts { lang: Lang::En, $($name: $en,)* };

        #[cfg(test)]
        impl Texts {
            fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

texts! {
    /// The language switch shows the language it switches to, in that language.
    switch_language: "English", "Tiếng Việt";
    switch_language_hint: "Chuyển giao diện sang tiếng Anh", "Switch the interface to Vietnamese";

    // Header and views.
    view_list: "Danh sách", "List";
    view_timeline: "Dòng thời gian", "Timeline";
    views_label: "Chế độ xem", "Views";
    theme_system: "Giao diện: theo máy", "Theme: system";
    theme_light: "Giao diện: sáng", "Theme: light";
    theme_dark: "Giao diện: tối", "Theme: dark";
    open_file: "Mở tệp…", "Open file…";
    open_file_hint: "Mở một tệp bộ dữ liệu (.json), hoặc kéo thả tệp vào trang",
        "Open a bundle file (.json), or drop one anywhere on the page";

    // Search box.
    search_label: "Tìm kiếm", "Search";
    search_placeholder: "Tìm: dan van kheo, \"giao ban\", tinh:phu yen, nam:2023 …",
        "Search: dan van kheo, \"giao ban\", province:phu yen, year:2023 …";
    exact: "Đúng dấu", "Exact diacritics";
    sort_label: "Sắp xếp", "Sort";
    sort_relevance: "Liên quan nhất", "Most relevant";
    sort_newest: "Mới nhất", "Newest";
    sort_oldest: "Cũ nhất", "Oldest";
    sort_conference: "Ngày hội nghị", "Conference date";

    // Facets.
    filters_label: "Bộ lọc", "Filters";
    facet_province: "Tỉnh, thành", "Province";
    facet_year: "Năm", "Year";
    facet_kind: "Loại hội nghị", "Conference kind";
    facet_source: "Nguồn", "Source";
    facet_person: "Người", "Person";
    facet_document: "Văn bản", "Document";
    facet_level: "Cấp", "Level";
    facet_sort_alpha: "Xếp A–Z", "Sort A–Z";
    facet_sort_count: "Xếp theo số bài", "Sort by count";
    provinces_before_2025: "Tỉnh trước 2025", "Provinces before 2025";
    provinces_after_2025: "Tỉnh sau sáp nhập 2025", "Provinces after the 2025 merger";
    selected_hint: " (đang lọc)", " (selected)";
    show_fewer: "Thu gọn", "Show fewer";

    // Date filter.
    published_date: "Ngày đăng", "Published";
    histogram_label: "Số bài theo tháng", "Articles per month";
    date_from: "Từ ", "From ";
    date_to: "đến ", "to ";
    clear_dates: "Bỏ lọc ngày", "Clear dates";
    held_dates: "Ngày họp", "Conference dates";
    clear_held_dates: "Bỏ lọc ngày họp", "Clear conference dates";

    // Results.
    results_label: "Kết quả", "Results";
    clear_search: "Xóa tìm kiếm và bộ lọc", "Clear search and filters";
    no_results: "Không có bài nào khớp. Thử bỏ bớt bộ lọc hoặc từ khóa.",
        "No article matches. Try fewer filters or words.";
    unknown_date: "không rõ ngày", "date unknown";
    export_results: "Xuất kết quả", "Export results";
    export_articles_csv: "Bài viết CSV", "Articles CSV";
    export_articles_json: "Bài viết JSON", "Articles JSON";
    export_conferences_csv: "Hội nghị CSV", "Conferences CSV";
    export_conferences_json: "Hội nghị JSON", "Conferences JSON";

    // Reader.
    back_to_list: "← Danh sách", "← Back to the list";
    previous_article: "← Bài trước", "← Previous";
    next_article: "Bài sau →", "Next →";
    article_not_found: "Không tìm thấy bài viết", "Article not found";
    period: "Kỳ", "Period";
    level: "Cấp", "Level";
    host: "Tổ chức", "Organised by";
    online: "Trực tuyến", "Online";
    role_chair: "Chủ trì", "Chaired";
    role_speaker: "Phát biểu", "Spoke";
    role_attendee: "Dự", "Attended";
    cited_documents: "Văn bản được dẫn", "Documents cited";
    cite_heading: "Trích dẫn", "Cite this";
    copy_citation: "Chép trích dẫn", "Copy citation";
    copy_link: "Chép liên kết", "Copy link";
    citation_copied: "Đã chép trích dẫn.", "Citation copied.";
    link_copied: "Đã chép liên kết.", "Link copied.";
    copy_refused: "Trình duyệt không cho chép; hãy chọn và chép tay.",
        "The browser refused to copy; select the text and copy it by hand.";

    // Entity cards.
    titles_over_time: "Chức vụ theo thời gian", "Titles over time";
    conference_timeline: "Các hội nghị theo thời gian", "Conferences over time";

    // Keyboard shortcuts.
    shortcuts: "Phím tắt", "Keyboard shortcuts";
    close: "Đóng", "Close";
    key_search: "Tìm kiếm", "Search";
    key_move: "Bài sau, bài trước", "Next, previous result";
    key_open: "Mở bài", "Open the result";
    key_back: "Quay lại danh sách", "Back to the list";
    key_help: "Danh sách phím tắt", "These shortcuts";

    // Whole-page states.
    loading: "Đang tải dữ liệu…", "Loading the archive…";
    loading_filters: "Đang tải bộ lọc và chỉ mục…", "Loading the filters and the search index…";
    body_loading: "Đang tải nội dung bài…", "Loading the article's text…";
    terms_loading: "Đang tải chỉ mục tìm kiếm…", "Loading the search index…";
    local_manifest: "Đây là manifest.json của một bộ dữ liệu chia phần: hãy mở nó qua địa chỉ web (?bundle=…/manifest.json) để các phần bên cạnh được tải về.",
        "This is the manifest.json of a sharded bundle: open it by its web address (?bundle=…/manifest.json) so the shards beside it can be fetched.";
    offline_done: "Đã tải về: đọc được cả khi không có mạng", "Downloaded: it reads with the network off";
    offline_pause: "Tạm dừng", "Pause";
    offline_resume: "Tải tiếp", "Resume";
    shards_mismatch: "docs.bin không khớp với các tệp meta (bộ dữ liệu bị trộn lẫn)",
        "docs.bin does not match the meta files (shards of different bundles mixed)";
    load_failed: "Không mở được bộ dữ liệu", "Could not open the bundle";
    file: "Tệp", "File";
    open_default_bundle: "Mở bộ dữ liệu mặc định", "Open the default bundle";
}

/// Picks one label out of the table, for lists of controls declared once for both languages.
pub type Label = fn(&Texts) -> &'static str;

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a stored tag; anything unknown is the default language.
    pub fn from_code(code: &str) -> Lang {
        match code {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

impl Texts {
    /// `35.440` in Vietnamese, `35,440` in English.
    pub fn number(&self, n: usize) -> String {
        let sep = match self.lang {
            Lang::Vi => '.',
            Lang::En => ',',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// `12 bài` / `12 articles`.
    pub fn articles(&self, n: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{} bài", self.number(n)),
            Lang::En if n == 1 => "1 article".into(),
            Lang::En => format!("{} articles", self.number(n)),
        }
    }

    /// `3 hội nghị` / `3 conferences`.
    pub fn conferences(&self, n: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{} hội nghị", self.number(n)),
            Lang::En if n == 1 => "1 conference".into(),
            Lang::En => format!("{} conferences", self.number(n)),
        }
    }

    /// The result count: all of them, or how many of the whole archive.
    pub fn result_count(&self, shown: usize, all: usize) -> String {
        let (s, a) = (self.number(shown), self.number(all));
        match (self.lang, shown == all) {
            (Lang::Vi, true) => format!("{s} bài viết"),
            (Lang::Vi, false) => format!("{s} / {a} bài viết"),
            (Lang::En, true) => self.articles(shown),
            (Lang::En, false) => format!("{s} of {a} articles"),
        }
    }

    /// A folded list's button: how many more it would show, or, unfolded, that it folds again.
    pub fn more_or_fewer(&self, unfolded: bool, hidden: usize) -> String {
        if unfolded {
            self.show_fewer.to_string()
        } else {
            self.more_values(hidden)
        }
    }

    /// The button that lists the values hidden after the first few.
    pub fn more_values(&self, hidden: usize) -> String {
        match self.lang {
            Lang::Vi => format!("Thêm {}…", self.number(hidden)),
            Lang::En => format!("{} more…", self.number(hidden)),
        }
    }

    /// A histogram bar's text alternative.
    pub fn month_count(&self, year: i32, month: u32, count: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{month:02}/{year}: {}", self.articles(count)),
            Lang::En => format!(
                "{} {year}: {}",
                MONTHS_EN[month as usize - 1],
                self.articles(count)
            ),
        }
    }

    pub fn views(&self, n: u64) -> String {
        let n = self.number(n as usize);
        match self.lang {
            Lang::Vi => format!("{n} lượt xem"),
            Lang::En => format!("{n} views"),
        }
    }

    pub fn no_article_with_id(&self, id: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Bộ dữ liệu này không có bài nào mang mã {id}."),
            Lang::En => format!("No article with id {id} in this bundle."),
        }
    }

    /// `Có mặt trong 3 bài, …`: a person's entity card.
    pub fn person_summary(&self, articles: usize, conferences: usize) -> String {
        match self.lang {
            Lang::Vi => format!(
                "Có mặt trong {} bài, chủ trì hoặc phát biểu tại {} hội nghị.",
                self.number(articles),
                self.number(conferences)
            ),
            Lang::En => format!(
                "Appears in {}; chaired or spoke at {}.",
                self.articles(articles),
                self.conferences(conferences)
            ),
        }
    }

    /// `, ban hành 01/02/2023`: when a document was issued.
    pub fn issued(&self, date: &str) -> String {
        match self.lang {
            Lang::Vi => format!(", ban hành {date}"),
            Lang::En => format!(", issued {date}"),
        }
    }

    /// A document's entity card: how often and over which span it is cited.
    pub fn document_summary(&self, articles: usize, span: &str) -> String {
        match self.lang {
            Lang::Vi => format!(
                "Được dẫn trong {} bài; lần đầu và lần cuối: {span}.",
                self.number(articles)
            ),
            Lang::En => format!(
                "Cited in {}; first and last mention: {span}.",
                self.articles(articles)
            ),
        }
    }

    /// A province's entity card.
    pub fn province_summary(&self, articles: usize, conferences: usize) -> String {
        match self.lang {
            Lang::Vi => format!(
                "{} bài, {} hội nghị.",
                self.number(articles),
                self.number(conferences)
            ),
            Lang::En => format!(
                "{}, {}.",
                self.articles(articles),
                self.conferences(conferences)
            ),
        }
    }

    /// A shard every view needs could not be used.
    pub fn shard_required(&self, name: &str, why: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Không tải được {name}: {why}"),
            Lang::En => format!("Could not load {name}: {why}"),
        }
    }

    /// A body shard could not be used: said in the reader in place of the text.
    pub fn shard_body(&self, name: &str, why: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Không tải được phần nội dung {name}: {why}"),
            Lang::En => format!("Could not load the text shard {name}: {why}"),
        }
    }

    /// An index chunk could not be used: said above the results.
    pub fn shard_terms(&self, name: &str, why: &str) -> String {
        match self.lang {
            Lang::Vi => format!(
                "Không tải được phần chỉ mục {name}: {why}. Các từ nằm trong phần này không tìm được."
            ),
            Lang::En => format!(
                "Could not load the index chunk {name}: {why}. Words in that chunk cannot be found."
            ),
        }
    }

    /// The control that fetches every shard, with the size it will fetch.
    pub fn offline_download(&self, size: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Tải về để đọc offline ({size})"),
            Lang::En => format!("Download for offline reading ({size})"),
        }
    }

    pub fn offline_progress(&self, done: &str, total: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Đang tải về để đọc offline {done} / {total}"),
            Lang::En => format!("Downloading for offline reading {done} of {total}"),
        }
    }

    pub fn offline_paused(&self, done: &str, total: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Đã tạm dừng tải về để đọc offline ở {done} / {total}"),
            Lang::En => format!("Downloading for offline reading paused at {done} of {total}"),
        }
    }

    pub fn offline_failed(&self, count: usize, which: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Đã tải về, trừ {count} phần: {which}"),
            Lang::En => format!("Downloaded, except {count} shards: {which}"),
        }
    }

    pub fn unreadable_file(&self, name: &str) -> String {
        match self.lang {
            Lang::Vi => format!("trình duyệt không đọc được tệp {name}"),
            Lang::En => format!("the browser could not read {name}"),
        }
    }

    pub fn skipped_articles(&self, n: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{} bài bị bỏ qua vì dữ liệu hỏng", self.number(n)),
            Lang::En if n == 1 => "1 article skipped as malformed".into(),
            Lang::En => format!("{} articles skipped as malformed", self.number(n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters that only Vietnamese uses: an English label containing one was left untranslated.
    fn has_vietnamese_letter(s: &str) -> bool {
        s.chars()
            .any(|c| c.is_alphabetic() && !c.is_ascii() && !"–…←→·“”".contains(c))
    }

    #[test]
    fn every_english_label_is_english() {
        for (name, text) in EN.fields() {
            assert!(!text.trim().is_empty(), "{name} is empty");
            if name != "switch_language" {
                assert!(
                    !has_vietnamese_letter(text),
                    "{name} is not English: {text}"
                );
            }
        }
    }

    #[test]
    fn every_label_exists_in_both_languages_and_most_differ() {
        let (vi, en) = (VI.fields(), EN.fields());
        assert_eq!(vi.len(), en.len());
        let same: Vec<_> = vi
            .iter()
            .zip(&en)
            .filter(|((_, v), (_, e))| v == e)
            .map(|((name, _), _)| *name)
            .collect();
        assert!(same.is_empty(), "labels left as they were: {same:?}");
        assert!(vi.iter().all(|(_, t)| !t.trim().is_empty()));
    }

    #[test]
    fn numbers_group_thousands_per_language() {
        assert_eq!(VI.number(35440), "35.440");
        assert_eq!(EN.number(35440), "35,440");
        assert_eq!(EN.number(1234567), "1,234,567");
        assert_eq!(VI.number(999), "999");
        assert_eq!(VI.number(0), "0");
    }

    #[test]
    fn sentences_with_counts() {
        assert_eq!(VI.result_count(5, 5), "5 bài viết");
        assert_eq!(VI.result_count(3, 35440), "3 / 35.440 bài viết");
        assert_eq!(EN.result_count(1, 1), "1 article");
        assert_eq!(EN.result_count(3, 35440), "3 of 35,440 articles");
        assert_eq!(EN.more_values(12), "12 more…");
        assert_eq!(VI.more_or_fewer(false, 3), "Thêm 3…");
        assert_eq!(VI.more_or_fewer(true, 3), "Thu gọn");
        assert_eq!(VI.month_count(2023, 4, 2), "04/2023: 2 bài");
        assert_eq!(EN.month_count(2023, 4, 2), "April 2023: 2 articles");
        assert_eq!(
            EN.person_summary(1, 1),
            "Appears in 1 article; chaired or spoke at 1 conference."
        );
    }

    #[test]
    fn codes_round_trip() {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), lang);
            assert_eq!(lang.texts().lang, lang);
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), Lang::Vi);
    }
}
