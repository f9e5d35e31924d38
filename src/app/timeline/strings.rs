//! Every word the timeline shows or announces, one table per interface language. Dates and axis
//! labels are formatted by the core (`Item::date_label`, `ticks::axis`) in the same languages.

use hoinghi::bundle::ConferenceKind;
use hoinghi::display::Lang;
use hoinghi::timeline::LaneBy;

pub struct Strings {
    pub region: &'static str,
    pub lanes_by: &'static str,
    /// In [`LaneBy::ALL`] order.
    pub lane_by: [&'static str; 5],
    pub order: &'static str,
    pub order_alpha: &'static str,
    pub order_activity: &'static str,
    pub zoom: &'static str,
    pub zoom_in: &'static str,
    pub zoom_in_title: &'static str,
    pub zoom_out: &'static str,
    pub zoom_out_title: &'static str,
    pub fit: &'static str,
    pub fit_title: &'static str,
    pub brush: &'static str,
    pub brush_title: &'static str,
    pub held: &'static str,
    pub held_clear: &'static str,
    pub legend: &'static str,
    pub legend_partial: &'static str,
    pub legend_period: &'static str,
    pub legend_cluster: &'static str,
    pub conferences: &'static str,
    pub lanes: &'static str,
    pub undated: &'static str,
    pub empty: &'static str,
    pub lanes_help: &'static str,
    pub help: &'static str,
    pub province: &'static str,
    pub chair: &'static str,
    pub period: &'static str,
    pub online: &'static str,
    pub and_more: &'static str,
    pub open_hint: &'static str,
    pub zoom_hint: &'static str,
}

const VI: Strings = Strings {
    region: "Dòng thời gian hội nghị",
    lanes_by: "Làn theo",
    lane_by: ["Tỉnh, thành", "Vùng", "Loại hội nghị", "Cấp", "Nguồn"],
    order: "Xếp làn",
    order_alpha: "A–Z",
    order_activity: "Nhiều hội nghị nhất",
    zoom: "Thu phóng",
    zoom_in: "Phóng to",
    zoom_in_title: "Phóng to (+)",
    zoom_out: "Thu nhỏ",
    zoom_out_title: "Thu nhỏ (−)",
    fit: "Toàn bộ",
    fit_title: "Xem toàn bộ (0)",
    brush: "Chọn khoảng ngày",
    brush_title: "Kéo trên dòng thời gian để lọc theo ngày họp (hoặc Shift+kéo)",
    held: "Ngày họp",
    held_clear: "Bỏ lọc ngày họp",
    legend: "Chú giải",
    legend_partial: "chỉ rõ tháng/năm",
    legend_period: "kỳ được tổng kết",
    legend_cluster: "cụm (số hội nghị)",
    conferences: "hội nghị",
    lanes: "làn",
    undated: "không rõ ngày",
    empty: "Không có hội nghị nào có ngày trong kết quả này.",
    lanes_help: "Các làn hội nghị: ← → di chuyển, + − thu phóng, Tab qua từng hội nghị",
    help: "Kéo để di chuyển · lăn chuột, chụm hai ngón hoặc + − để thu phóng · Shift+kéo để lọc theo ngày họp · Tab hoặc ← → qua từng hội nghị, Enter để mở",
    province: "Tỉnh",
    chair: "Chủ trì",
    period: "Kỳ",
    online: "trực tuyến",
    and_more: "hội nghị khác",
    open_hint: "Enter để mở",
    zoom_hint: "Nhấn hoặc Enter để phóng to",
};

const EN: Strings = Strings {
    region: "Conference timeline",
    lanes_by: "Lanes by",
    lane_by: ["Province", "Region", "Kind", "Level", "Source"],
    order: "Order",
    order_alpha: "A–Z",
    order_activity: "Most conferences",
    zoom: "Zoom",
    zoom_in: "Zoom in",
    zoom_in_title: "Zoom in (+)",
    zoom_out: "Zoom out",
    zoom_out_title: "Zoom out (−)",
    fit: "All",
    fit_title: "Show everything (0)",
    brush: "Select dates",
    brush_title: "Drag on the timeline to filter by conference date (or Shift+drag)",
    held: "Held",
    held_clear: "Clear the conference dates",
    legend: "Legend",
    legend_partial: "month or year only",
    legend_period: "period reviewed",
    legend_cluster: "cluster (count)",
    conferences: "conferences",
    lanes: "lanes",
    undated: "undated",
    empty: "No dated conference in these results.",
    lanes_help: "Conference lanes: ← → move, + − zoom, Tab through the conferences",
    help: "Drag to move · wheel, pinch or + − to zoom · Shift+drag to filter by conference date · Tab or ← → through the conferences, Enter opens",
    province: "Province",
    chair: "Chaired by",
    period: "Period",
    online: "online",
    and_more: "more",
    open_hint: "Enter opens",
    zoom_hint: "Click or Enter to zoom in",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn lane_by(&self, by: LaneBy) -> &'static str {
        let i = LaneBy::ALL.iter().position(|b| *b == by).unwrap_or(0);
        self.lane_by[i]
    }
}

pub fn kind_label(kind: ConferenceKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => kind.label_vi(),
        Lang::En => kind.label_en(),
    }
}
