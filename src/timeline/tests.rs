use super::scale::{day_number, Scale};
use super::*;
use crate::bundle::{Conference, Level, Period, Place, Source};
use crate::display::Lang;

fn conference(date: &str, precision: DatePrecision, kind: ConferenceKind) -> Conference {
    Conference {
        date: Some(date.to_string()).filter(|d| !d.is_empty()),
        precision,
        kind,
        name: None,
        period: None,
        level: Some(Level::Province),
        online: false,
        host: None,
        people: Vec::new(),
    }
}

fn article(id: &str, province: Option<(&str, &str)>, conferences: Vec<Conference>) -> Article {
    Article {
        source: Some(Source {
            name: None,
            url: None,
            domain: Some(format!("{id}.vn")),
        }),
        province: province.map(|(name, region)| Place {
            name: name.to_string(),
            name_2025: None,
            region: Some(region.to_string()),
            district: None,
            commune: None,
            confidence: Default::default(),
            evidence: Vec::new(),
        }),
        conferences,
        ..Article::bare(id, id)
    }
}

fn period(label: &str, start: &str, end: &str) -> Option<Period> {
    Some(Period {
        label: label.to_string(),
        start: start.to_string(),
        end: end.to_string(),
    })
}

/// The five seed conferences of the default bundle, in the bundle's order.
fn seeds() -> Vec<Article> {
    use ConferenceKind::*;
    use DatePrecision::Day;
    let with_period = |mut c: Conference, p| {
        c.period = p;
        c
    };
    vec![
        article(
            "phu-yen",
            Some(("Phú Yên", "Duyên hải Nam Trung Bộ")),
            vec![with_period(
                conference("2023-04-07", Day, GiaoBan),
                period("Quý I/2023", "2023-01-01", "2023-03-31"),
            )],
        ),
        article(
            "dien-bien",
            Some(("Điện Biên", "Tây Bắc Bộ")),
            vec![with_period(
                conference("2024-01-17", Day, TongKet),
                period("năm 2023", "2023-01-01", "2023-12-31"),
            )],
        ),
        article(
            "ben-tre",
            Some(("Bến Tre", "Đồng bằng sông Cửu Long")),
            vec![with_period(
                conference("2022-08-04", Day, SoKet),
                period("6 tháng đầu năm 2022", "2022-01-01", "2022-06-30"),
            )],
        ),
        article(
            "gia-lai",
            Some(("Gia Lai", "Tây Nguyên")),
            vec![with_period(
                conference("2022-12-20", Day, TongKet),
                period("năm 2022", "2022-01-01", "2022-12-31"),
            )],
        ),
        article(
            "ninh-binh",
            Some(("Ninh Bình", "Đồng bằng sông Hồng")),
            vec![with_period(
                conference("2021-04-02", Day, KyKet),
                period("giai đoạn 2015 - 2020", "2015-01-01", "2020-12-31"),
            )],
        ),
    ]
}

fn all_ids(articles: &[Article]) -> Vec<u32> {
    (0..articles.len() as u32).collect()
}

fn labels(model: &TimelineModel) -> Vec<&str> {
    model.lanes.iter().map(|l| l.label.as_str()).collect()
}

fn everything(model: &TimelineModel, px_per_day: f64) -> Vec<LaneLayout> {
    let (first, last) = model.extent().unwrap();
    model.layout(
        &model.cluster(px_per_day),
        &Viewport {
            start: first - 10.0,
            end: last + 10.0,
            px_per_day,
            lanes: 0..model.lanes.len(),
        },
    )
}

#[test]
fn seed_conferences_sit_in_province_lanes_in_vietnamese_order() {
    let a = seeds();
    let model = TimelineModel::new(
        &Conferences::new(&a),
        &all_ids(&a),
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(
        labels(&model),
        ["Bến Tre", "Điện Biên", "Gia Lai", "Ninh Bình", "Phú Yên"]
    );
    assert_eq!(model.total(), 5);
    assert_eq!(model.undated, 0);
    let phu_yen = model.item(4, 0);
    assert_eq!(phu_yen.start, day_number(2023, 4, 7));
    assert_eq!(
        phu_yen.period,
        Some((day_number(2023, 1, 1), day_number(2023, 4, 1)))
    );
    assert_eq!(
        model.kinds,
        [
            ConferenceKind::GiaoBan,
            ConferenceKind::SoKet,
            ConferenceKind::TongKet,
            ConferenceKind::KyKet
        ]
    );
    // Fitted to a 900 px view, nothing clusters; time order runs Ninh Bình → Điện Biên.
    let (first, last) = model.extent().unwrap();
    let scale = Scale::fit(first, last, 900.0);
    let layout = everything(&model, scale.px_per_day);
    let order: Vec<&str> = time_order(&layout)
        .iter()
        .map(|g| model.lanes[g.lane() as usize].label.as_str())
        .collect();
    assert_eq!(
        order,
        ["Ninh Bình", "Bến Tre", "Gia Lai", "Phú Yên", "Điện Biên"]
    );
    assert!(layout
        .iter()
        .all(|l| matches!(l.glyphs[..], [Glyph::Mark { .. }])));
}

#[test]
fn lanes_by_kind_region_level_source_and_by_activity() {
    let a = seeds();
    let ids = all_ids(&a);
    let by_kind = TimelineModel::new(
        &Conferences::new(&a),
        &ids,
        LaneBy::Kind,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(
        labels(&by_kind),
        ["Giao ban", "Ký kết", "Sơ kết", "Tổng kết"]
    );
    let busiest = TimelineModel::new(
        &Conferences::new(&a),
        &ids,
        LaneBy::Kind,
        LaneOrder::Activity,
        Lang::Vi,
        None,
    );
    assert_eq!(labels(&busiest)[0], "Tổng kết");
    // Within a lane, conferences are in date order.
    let tong_ket: Vec<u32> = busiest.lanes[0].items.iter().map(|i| i.article).collect();
    assert_eq!(tong_ket, [3, 1]);
    let by_region = TimelineModel::new(
        &Conferences::new(&a),
        &ids,
        LaneBy::Region,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(
        labels(&by_region),
        [
            "Duyên hải Nam Trung Bộ",
            "Đồng bằng sông Cửu Long",
            "Đồng bằng sông Hồng",
            "Tây Bắc Bộ",
            "Tây Nguyên"
        ]
    );
    let by_level = TimelineModel::new(
        &Conferences::new(&a),
        &ids,
        LaneBy::Level,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(labels(&by_level), ["Tỉnh"]);
    let by_source = TimelineModel::new(
        &Conferences::new(&a),
        &ids,
        LaneBy::Source,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(by_source.lanes.len(), 5);
}

#[test]
fn kinds_are_listed_in_declaration_order() {
    for (i, kind) in ConferenceKind::ALL.into_iter().enumerate() {
        assert_eq!(kind_index(kind), i, "{kind:?}");
    }
}

#[test]
fn lanes_follow_the_search_and_empty_ones_disappear() {
    let a = seeds();
    let model = TimelineModel::new(
        &Conferences::new(&a),
        &[3, 1],
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(labels(&model), ["Điện Biên", "Gia Lai"]);
    let none = TimelineModel::new(
        &Conferences::new(&a),
        &[],
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert!(none.lanes.is_empty() && none.extent().is_none() && none.kinds.is_empty());
}

#[test]
fn month_and_year_dates_are_spans_and_undated_ones_are_counted() {
    use ConferenceKind::*;
    let a = vec![
        article(
            "x",
            None,
            vec![
                conference("2023-04", DatePrecision::Month, SoKet),
                conference("2022-00-00", DatePrecision::Year, TongKet),
                conference("", DatePrecision::Day, GiaoBan),
                conference("2023-02-31", DatePrecision::Day, GiaoBan),
            ],
        ),
        article(
            "y",
            Some(("Gia Lai", "Tây Nguyên")),
            vec![conference("2023-04-07", DatePrecision::Day, GiaoBan)],
        ),
    ];
    let model = TimelineModel::new(
        &Conferences::new(&a),
        &[0, 1],
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(labels(&model), ["Gia Lai", "Không rõ tỉnh"]);
    assert_eq!(model.undated, 2);
    let unknown = &model.lanes[1].items;
    assert_eq!(unknown[0].precision, DatePrecision::Year);
    assert_eq!(
        (unknown[0].start, unknown[0].end),
        (day_number(2022, 1, 1), day_number(2023, 1, 1))
    );
    assert_eq!(
        (unknown[1].start, unknown[1].end),
        (day_number(2023, 4, 1), day_number(2023, 5, 1))
    );
    assert_eq!(unknown[1].centre(), day_number(2023, 4, 16) as f64);
    let dates: Vec<String> = [&unknown[0], &unknown[1], &model.lanes[0].items[0]]
        .iter()
        .map(|i| i.date_label(Lang::Vi))
        .collect();
    assert_eq!(dates, ["năm 2022", "tháng 4/2023", "07/04/2023"]);
    let english: Vec<String> = [&unknown[0], &unknown[1], &model.lanes[0].items[0]]
        .iter()
        .map(|i| i.date_label(Lang::En))
        .collect();
    assert_eq!(english, ["2022", "Apr 2023", "7 Apr 2023"]);
    let in_english = TimelineModel::new(
        &Conferences::new(&a),
        &[0, 1],
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::En,
        None,
    );
    assert_eq!(labels(&in_english), ["Gia Lai", "Province unknown"]);
}

#[test]
fn a_brushed_range_keeps_the_conferences_whose_dates_overlap_it() {
    use ConferenceKind::*;
    let a = vec![article(
        "x",
        Some(("Gia Lai", "Tây Nguyên")),
        vec![
            conference("2023-04-07", DatePrecision::Day, GiaoBan),
            conference("2023-04-01", DatePrecision::Month, SoKet),
            conference("2023-01-01", DatePrecision::Year, TongKet),
            conference("2023-06-30", DatePrecision::Day, KyKet),
        ],
    )];
    let kinds = |from: (i32, u32, u32), to: (i32, u32, u32)| {
        let range = (
            day_number(from.0, from.1, from.2),
            day_number(to.0, to.1, to.2),
        );
        let m = TimelineModel::new(
            &Conferences::new(&a),
            &[0],
            LaneBy::Province,
            LaneOrder::Alpha,
            Lang::Vi,
            Some(range),
        );
        let mut k: Vec<ConferenceKind> = m
            .lanes
            .iter()
            .flat_map(|l| l.items.iter().map(|i| i.kind))
            .collect();
        k.sort_by_key(|k| k.code());
        k
    };
    // 10–20 April: inside the April bar and the 2023 bar, not on the 7th nor in June.
    assert_eq!(kinds((2023, 4, 10), (2023, 4, 21)), [SoKet, TongKet]);
    // The day itself, as a half-open range.
    assert_eq!(kinds((2023, 4, 7), (2023, 4, 8)), [GiaoBan, SoKet, TongKet]);
    assert_eq!(kinds((2023, 6, 30), (2023, 7, 1)), [KyKet, TongKet]);
    assert!(kinds((2024, 1, 1), (2024, 2, 1)).is_empty());
}

#[test]
fn the_conference_date_range_selects_articles_for_the_search() {
    use crate::search::{SearchIndex, SearchRequest};
    let a = seeds();
    let req = SearchRequest {
        held_from: Some("2022-07-01".into()),
        held_to: Some("2023-04-07".into()),
        ..Default::default()
    };
    let range = held_range(&req).unwrap();
    assert_eq!(range, (day_number(2022, 7, 1), day_number(2023, 4, 8)));
    // Bến Tre (4 Aug 2022), Gia Lai (20 Dec 2022) and Phú Yên (7 Apr 2023, the last day).
    let among = held_within(&a, range);
    assert_eq!(among, [true, false, true, true, false]);
    let index = SearchIndex::build(&a);
    let r = index.search_among(&req, Some(&among));
    let mut ids = r.ids().to_vec();
    ids.sort();
    assert_eq!(ids, [0, 2, 3]);
    // Facet counts follow: three provinces left.
    let provinces = r.facet(crate::search::Facet::Province).values.len();
    assert_eq!(provinces, 3);
    // One open end; no ends, no range.
    let open = SearchRequest {
        held_to: Some("2021-12-31".into()),
        ..Default::default()
    };
    assert_eq!(
        held_within(&a, held_range(&open).unwrap()),
        [false, false, false, false, true]
    );
    assert_eq!(held_range(&SearchRequest::default()), None);
}

#[test]
fn the_pointer_hits_the_nearest_mark_of_its_lane_or_the_bar_under_it() {
    use ConferenceKind::*;
    let a = vec![
        article(
            "x",
            Some(("Gia Lai", "Tây Nguyên")),
            vec![
                conference("2023-04-07", DatePrecision::Day, GiaoBan),
                conference("2023-04-01", DatePrecision::Month, SoKet),
                conference("2023-09-01", DatePrecision::Day, KyKet),
            ],
        ),
        article(
            "y",
            Some(("Phú Yên", "x")),
            vec![conference("2023-04-08", DatePrecision::Day, TongKet)],
        ),
    ];
    let model = TimelineModel::new(
        &Conferences::new(&a),
        &[0, 1],
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    let ppd = 4.0;
    let glyphs = time_order(&everything(&model, ppd));
    let kind_at = |lane: u32, day: (i32, u32, u32), reach: f64| {
        hit(
            &glyphs,
            lane,
            day_number(day.0, day.1, day.2) as f64,
            ppd,
            reach,
        )
        .map(|g| match g {
            Glyph::Mark { item, .. } => item.kind,
            Glyph::Cluster { kind, .. } => kind,
        })
    };
    // On the 7th: the day mark, though the April bar is under it too.
    assert_eq!(kind_at(0, (2023, 4, 7), 8.0), Some(GiaoBan));
    // Elsewhere in April: the bar.
    assert_eq!(kind_at(0, (2023, 4, 25), 8.0), Some(SoKet));
    // In the other lane, only its own mark; far from any mark, nothing.
    assert_eq!(kind_at(1, (2023, 4, 7), 8.0), Some(TongKet));
    assert_eq!(kind_at(1, (2023, 6, 1), 8.0), None);
    // Within reach (2 days at 4 px/day) of the September mark, not beyond.
    assert_eq!(kind_at(0, (2023, 8, 31), 8.0), Some(KyKet));
    assert_eq!(kind_at(0, (2023, 8, 29), 8.0), None);
}

#[test]
fn only_the_visible_window_is_laid_out_but_a_period_reaching_in_counts() {
    let a = seeds();
    let model = TimelineModel::new(
        &Conferences::new(&a),
        &all_ids(&a),
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    let ppd = 5.0;
    // June 2017: only Ninh Bình's reviewed period (2015–2020) reaches here.
    let view = Viewport {
        start: day_number(2017, 6, 1) as f64,
        end: day_number(2017, 7, 1) as f64,
        px_per_day: ppd,
        lanes: 0..5,
    };
    let layout = model.layout(&model.cluster(ppd), &view);
    let shown: Vec<(&str, usize)> = layout
        .iter()
        .map(|l| (l.label.as_str(), l.glyphs.len()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Bến Tre", 0),
            ("Điện Biên", 0),
            ("Gia Lai", 0),
            ("Ninh Bình", 1),
            ("Phú Yên", 0)
        ]
    );
    // Lanes scrolled out of view are not laid out at all.
    let view = Viewport {
        lanes: 3..9,
        ..view
    };
    let layout = model.layout(&model.cluster(ppd), &view);
    assert_eq!(layout.iter().map(|l| l.lane).collect::<Vec<_>>(), [3, 4]);
}

#[test]
fn dense_lanes_cluster_when_zoomed_out_and_split_when_zoomed_in() {
    // One province, a briefing every week for two years.
    let monday = day_number(2022, 1, 3);
    let conferences = (0..104)
        .map(|w| {
            let iso = scale::iso_day(monday + 7 * w);
            conference(&iso, DatePrecision::Day, ConferenceKind::GiaoBan)
        })
        .collect();
    let a = vec![article("z", Some(("Phú Yên", "x")), conferences)];
    let model = TimelineModel::new(
        &Conferences::new(&a),
        &[0],
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );

    let far = everything(&model, 0.2);
    let counts: Vec<u32> = far[0]
        .glyphs
        .iter()
        .map(|g| match g {
            Glyph::Cluster { count, kind, .. } => {
                assert_eq!(*kind, ConferenceKind::GiaoBan);
                *count
            }
            Glyph::Mark { .. } => 1,
        })
        .collect();
    assert!(counts.len() < 20, "zoomed out: {counts:?}");
    assert_eq!(
        counts.iter().sum::<u32>(),
        104,
        "every conference counted once"
    );

    let near = everything(&model, 3.0);
    assert_eq!(near[0].glyphs.len(), 104);
    assert!(near[0]
        .glyphs
        .iter()
        .all(|g| matches!(g, Glyph::Mark { .. })));

    // A cluster knows the days of its members, for zooming into it.
    if let Glyph::Cluster {
        start,
        end,
        first,
        count,
        ..
    } = far[0].glyphs[1]
    {
        let run = model.run(0, first, count);
        assert_eq!(start, run[0].start);
        assert_eq!(end, run[run.len() - 1].end);
    } else {
        panic!("expected a cluster");
    }
}

#[test]
fn fifty_thousand_conferences_lay_out_as_a_bounded_number_of_glyphs() {
    let provinces: Vec<String> = (0..63).map(|i| format!("Tỉnh {i}")).collect();
    let first = day_number(2005, 1, 1);
    let articles: Vec<Article> = (0..50_000u32)
        .map(|i| {
            let day = first + ((i as u64 * 2_654_435_761) % 7_300) as i32;
            let kind = ConferenceKind::ALL[(i % 10) as usize];
            let p = &provinces[(i % 63) as usize];
            article(
                &i.to_string(),
                Some((p, "x")),
                vec![conference(&scale::iso_day(day), DatePrecision::Day, kind)],
            )
        })
        .collect();
    let model = TimelineModel::new(
        &Conferences::new(&articles),
        &all_ids(&articles),
        LaneBy::Province,
        LaneOrder::Alpha,
        Lang::Vi,
        None,
    );
    assert_eq!(model.lanes.len(), 63);
    let (a, b) = model.extent().unwrap();
    let scale = Scale::fit(a, b, 1000.0);
    let clustering = model.cluster(scale.px_per_day);
    let layout = model.layout(
        &clustering,
        &Viewport {
            start: scale.start,
            end: scale.end(1000.0),
            px_per_day: scale.px_per_day,
            lanes: 0..24,
        },
    );
    let glyphs: usize = layout.iter().map(|l| l.glyphs.len()).sum();
    // Bounded by width / cluster size per lane, not by the number of conferences.
    assert!(
        glyphs <= 24 * (1000.0 / cluster::GAP_PX) as usize + 48,
        "{glyphs} glyphs"
    );
}
