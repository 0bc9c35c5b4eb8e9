//! The data map as an SVG chart: value across, availability up, the four quarters named,
//! one numbered point per scored dataset (dashed while its availability is only suggested).
//! On the map page the points move: dragged with the pointer (pointer events with capture:
//! HTML drag and drop does not work on SVG) or with the arrow keys; a click opens the
//! dataset. No inline `style` anywhere: classes and SVG attributes only.

use leptos::prelude::*;
use leptos::svg::Svg;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::i18n::{name_or, Key, Lang};
use crate::model::{
    cell_at, DataMap, MapPoint, Origin, Overflow, CELL_HEIGHT, CELL_WIDTH, PLOT_HEIGHT, PLOT_WIDTH,
    POINT_RADIUS,
};
use crate::routes::ProjectPage;
use crate::state::{use_app, Handle, ProjectHandle};

const LEFT: f64 = 90.0;
const TOP: f64 = 10.0;
const WIDTH: f64 = LEFT + PLOT_WIDTH + 10.0;
const HEIGHT: f64 = TOP + PLOT_HEIGHT + 70.0;
/// How far (in screen pixels) a pointer must move before a press becomes a drag.
const DRAG_THRESHOLD: f64 = 6.0;

/// A point being dragged: where the press started, how far it has gone (in map units).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    id: Uuid,
    start: (f64, f64),
    delta: (f64, f64),
    moved: bool,
}

/// "No. 3 Bathymetry: value 3, availability 4 (suggested)": what a screen reader hears.
pub fn point_name(point: &MapPoint, lang: Lang) -> String {
    let key = match point.place.origin {
        Origin::Holder => Key::MapPointName,
        Origin::Suggested => Key::MapPointSuggested,
    };
    key.fill(
        lang,
        &[
            ("number", &point.number.to_string()),
            ("name", &name_or(&point.name, Key::UntitledWanted, lang)),
            ("value", &point.place.value.to_string()),
            ("availability", &point.place.availability.to_string()),
        ],
    )
}

/// The map. `edit`: the project whose points can be moved and opened (the map page).
#[component]
pub fn DataMapChart(
    #[prop(into)] map: Signal<DataMap>,
    #[prop(optional)] edit: Option<ProjectHandle>,
    /// A smaller drawing, as on the dashboard.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let app = use_app();
    let svg = NodeRef::<Svg>::new();
    let drag = RwSignal::new(None::<Drag>);
    let ids = move || map.with(|m| m.points.iter().map(|p| p.id).collect::<Vec<_>>());
    let overflows = move || map.get().overflows.into_iter().map(more).collect_view();
    view! {
        <svg
            node_ref=svg
            class="data-map"
            class:compact=compact
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="group"
            aria-label=move || app.t(Key::DataMapTitle)
        >
            <g transform=format!("translate({LEFT} {TOP})")>
                <Grid/>
                <For each=ids key=|id| *id let:id>
                    <Point id map edit svg drag/>
                </For>
                {overflows}
            </g>
        </svg>
    }
}

/// Quarters, cells, their names and the axes: a fixed drawing, written as SVG markup in one
/// piece (each element built as a view of its own costs bundle size for no behaviour).
/// Only the app's own words go in, escaped all the same.
#[component]
fn Grid() -> impl IntoView {
    let app = use_app();
    view! { <g class="map-grid" inner_html=move || grid_markup(app.lang.get())></g> }
}

/// Text for SVG markup: `<`, `>`, `&` and quotes escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn grid_markup(lang: Lang) -> String {
    use std::fmt::Write;
    let t = |key: Key| escaped(key.text(lang));
    let (w, h) = (PLOT_WIDTH, PLOT_HEIGHT);
    let (half_w, half_h) = (w / 2.0, h / 2.0);
    let mut svg = String::new();
    // `write!` to a String cannot fail.
    for (class, x, y) in [
        ("low-available", 0.0, 0.0),
        ("high-available", half_w, 0.0),
        ("low-hard", 0.0, half_h),
        ("high-hard", half_w, half_h),
    ] {
        let _ = write!(
            svg,
            r#"<rect class="quarter quarter-{class}" x="{x}" y="{y}" width="{half_w}" height="{half_h}"/>"#
        );
    }
    for n in 1..4 {
        let (x, y) = (f64::from(n) * CELL_WIDTH, f64::from(n) * CELL_HEIGHT);
        let _ = write!(
            svg,
            r#"<line class="map-cell-line" x1="{x}" y1="0" x2="{x}" y2="{h}"/><line class="map-cell-line" x1="0" y1="{y}" x2="{w}" y2="{y}"/>"#
        );
    }
    let _ = write!(
        svg,
        r#"<line class="map-half-line" x1="{half_w}" y1="0" x2="{half_w}" y2="{h}"/><line class="map-half-line" x1="0" y1="{half_h}" x2="{w}" y2="{half_h}"/><rect class="map-frame" x="0" y="0" width="{w}" height="{h}"/>"#
    );
    let mut text = |class: &str, x: f64, y: f64, anchor: &str, extra: &str, words: String| {
        let _ = write!(
            svg,
            r#"<text class="{class}" x="{x}" y="{y}" text-anchor="{anchor}"{extra}>{words}</text>"#
        );
    };
    text(
        "quarter-name",
        8.0,
        14.0,
        "start",
        "",
        t(Key::QuadrantLowAvailable),
    );
    text(
        "quarter-name",
        w - 8.0,
        14.0,
        "end",
        "",
        t(Key::QuadrantHighAvailable),
    );
    text(
        "quarter-name",
        8.0,
        h - 6.0,
        "start",
        "",
        t(Key::QuadrantLowHard),
    );
    text(
        "quarter-name",
        w - 8.0,
        h - 6.0,
        "end",
        "",
        t(Key::QuadrantHighHard),
    );
    for n in 1u8..=4 {
        let x = (f64::from(n) - 0.5) * CELL_WIDTH;
        let y = h - (f64::from(n) - 0.5) * CELL_HEIGHT;
        text("map-tick", x, h + 18.0, "middle", "", n.to_string());
        text(
            "map-tick",
            -12.0,
            y,
            "end",
            r#" dominant-baseline="central""#,
            n.to_string(),
        );
    }
    text("map-end", 0.0, h + 38.0, "start", "", t(Key::MapLowValue));
    text("map-end", w, h + 38.0, "end", "", t(Key::MapHighValue));
    text(
        "map-axis",
        half_w,
        h + 60.0,
        "middle",
        "",
        t(Key::ValueLabel),
    );
    let turned = |x: f64, y: f64| format!(r#" transform="rotate(-90 {x} {y})""#);
    text(
        "map-end",
        -40.0,
        h,
        "start",
        &turned(-40.0, h),
        t(Key::MapHard),
    );
    text(
        "map-end",
        -40.0,
        0.0,
        "end",
        &turned(-40.0, 0.0),
        t(Key::MapEasy),
    );
    text(
        "map-axis",
        -70.0,
        half_h,
        "middle",
        &turned(-70.0, half_h),
        t(Key::AvailabilityLabel),
    );
    svg
}

/// "+n" in the last place of a crowded cell.
fn more(overflow: Overflow) -> impl IntoView {
    let app = use_app();
    let label =
        move || Key::MapMore.fill(app.lang.get(), &[("count", &overflow.hidden.to_string())]);
    view! {
        <g class="map-more">
            <title>{label}</title>
            <circle cx=overflow.x cy=overflow.y r=POINT_RADIUS/>
            <text x=overflow.x y=overflow.y text-anchor="middle" dominant-baseline="central">
                {format!("+{}", overflow.hidden)}
            </text>
        </g>
    }
}

/// One dataset on the map.
#[component]
fn Point(
    id: Uuid,
    map: Signal<DataMap>,
    edit: Option<ProjectHandle>,
    svg: NodeRef<Svg>,
    drag: RwSignal<Option<Drag>>,
) -> impl IntoView {
    let app = use_app();
    let point = Memo::new(move |_| map.with(|m| m.points.iter().find(|p| p.id == id).cloned()));
    let at = move || point.with(|p| p.as_ref().map_or((0.0, 0.0), |p| (p.x, p.y)));
    let shift = move || match drag.get() {
        Some(d) if d.id == id && d.moved => Some(format!("translate({} {})", d.delta.0, d.delta.1)),
        _ => None,
    };
    let name = move || {
        point
            .with(|p| p.as_ref().map(|p| point_name(p, app.lang.get())))
            .unwrap_or_default()
    };
    let suggested = move || {
        point.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.place.origin == Origin::Suggested)
        })
    };
    let number = move || point.with(|p| p.as_ref().map(|p| p.number)).unwrap_or(0);
    let mark = view! {
        <title>{name}</title>
        <circle class="map-point-mark" cx=move || at().0 cy=move || at().1 r=POINT_RADIUS/>
        <text x=move || at().0 y=move || at().1 text-anchor="middle" dominant-baseline="central">{number}</text>
    };
    let Some(project) = edit else {
        return view! { <g class="map-point" class:suggested=suggested>{mark}</g> }.into_any();
    };
    let navigate = use_navigate();
    let href = project.href(ProjectPage::WantedSources(id));
    let open = Callback::new(move |_| navigate(&href, Default::default()));
    let handlers = PointHandlers {
        id,
        project,
        svg,
        drag,
        point,
        open,
    };
    view! {
        <g
            class="map-point movable"
            class:suggested=suggested
            class:dragging=move || drag.with(|d| d.is_some_and(|d| d.id == id && d.moved))
            transform=shift
            tabindex="0"
            role="button"
            aria-label=name
            data-value=move || point.with(|p| p.as_ref().map(|p| p.place.value))
            data-availability=move || point.with(|p| p.as_ref().map(|p| p.place.availability))
            on:keydown=move |ev| handlers.key(ev)
            on:pointerdown=move |ev| handlers.press(ev)
            on:pointermove=move |ev| handlers.slide(ev)
            on:pointerup=move |ev| handlers.release(ev)
            on:pointercancel=move |_| drag.set(None)
        >
            {mark}
        </g>
    }
    .into_any()
}

/// What a movable point does with the keyboard and the pointer.
#[derive(Clone, Copy)]
struct PointHandlers {
    id: Uuid,
    project: ProjectHandle,
    svg: NodeRef<Svg>,
    drag: RwSignal<Option<Drag>>,
    point: Memo<Option<MapPoint>>,
    /// Opens the dataset: a click, or Enter.
    open: Callback<()>,
}

impl PointHandlers {
    fn open(self) {
        self.open.run(());
    }

    /// Moves the point to the cell `(value, availability)`: both scores become the holder's.
    fn place(self, value: u8, availability: u8) {
        self.project
            .wanted(self.id)
            .edit(|d| d.place_on_map(value, availability));
    }

    fn key(self, ev: web_sys::KeyboardEvent) {
        let Some(place) = self.point.get_untracked().map(|p| p.place) else {
            return;
        };
        let (v, a) = (place.value, place.availability);
        let target = match ev.key().as_str() {
            "ArrowLeft" => (v.saturating_sub(1).max(1), a),
            "ArrowRight" => ((v + 1).min(4), a),
            "ArrowDown" => (v, a.saturating_sub(1).max(1)),
            "ArrowUp" => (v, (a + 1).min(4)),
            "Enter" | " " => {
                ev.prevent_default();
                return self.open();
            }
            _ => return,
        };
        ev.prevent_default();
        self.place(target.0, target.1);
    }

    /// Screen pixels to map units: the drawing is scaled to its box.
    fn scale(self) -> f64 {
        self.svg
            .get_untracked()
            .map(|svg| svg.get_bounding_client_rect().width())
            .filter(|w| *w > 0.0)
            .map_or(1.0, |w| WIDTH / w)
    }

    fn press(self, ev: web_sys::PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        if let Some(target) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        self.drag.set(Some(Drag {
            id: self.id,
            start: (f64::from(ev.client_x()), f64::from(ev.client_y())),
            delta: (0.0, 0.0),
            moved: false,
        }));
    }

    fn slide(self, ev: web_sys::PointerEvent) {
        let Some(mut d) = self.drag.get_untracked().filter(|d| d.id == self.id) else {
            return;
        };
        let (dx, dy) = (
            f64::from(ev.client_x()) - d.start.0,
            f64::from(ev.client_y()) - d.start.1,
        );
        d.moved |= dx.hypot(dy) > DRAG_THRESHOLD;
        let scale = self.scale();
        d.delta = (dx * scale, dy * scale);
        self.drag.set(Some(d));
    }

    fn release(self, ev: web_sys::PointerEvent) {
        self.slide(ev);
        let Some(d) = self.drag.get_untracked().filter(|d| d.id == self.id) else {
            return;
        };
        self.drag.set(None);
        if !d.moved {
            return self.open();
        }
        if let Some(p) = self.point.get_untracked() {
            let (value, availability) = cell_at(p.x + d.delta.0, p.y + d.delta.1);
            self.place(value, availability);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_markup_escapes_its_words_and_names_every_quarter() {
        assert_eq!(
            escaped(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        for lang in Lang::ALL {
            let svg = grid_markup(lang);
            for key in [
                Key::QuadrantHighAvailable,
                Key::QuadrantLowHard,
                Key::ValueLabel,
            ] {
                assert!(svg.contains(&escaped(key.text(lang))), "{key:?}");
            }
            assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        }
    }
}
