//! The roadmap as a timeline by month, drawn with CSS, filtered by status and owner.
//!
//! Entries are keyed by their whole content: typing in one action's description rebuilds
//! that entry alone, not the 500 others (nor their dates, formatted by the browser's Intl).

use std::time::Duration;

use leptos::prelude::*;
use time::Date;
use uuid::Uuid;

use crate::browser;
use crate::i18n::{DisplayName, Key, Label, Lang};
use crate::model::{ActionFilter, ActionStatus, Choice, Horizon, Month, PlannedAction, Route};
use crate::state::{use_app, Handle, ProjectHandle};

/// One action as the timeline shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Entry {
    action: Uuid,
    lang: Lang,
    wanted: String,
    route: Route,
    status: ActionStatus,
    due: Option<Date>,
    owner: String,
    description: String,
    late: bool,
    horizon: Option<Horizon>,
    /// For a request to open data: when it was sent, and when to follow it up.
    sent: Option<Date>,
    follow_up: Option<Date>,
}

impl Entry {
    fn of(planned: PlannedAction, today: Date, lang: Lang) -> Self {
        let action = planned.action;
        Entry {
            action: action.id,
            lang,
            wanted: planned.wanted.display_name(lang),
            route: action.route,
            status: action.status,
            due: action.due_date(),
            owner: action.owner.trim().to_string(),
            description: action.description.trim().to_string(),
            late: action.is_overdue(today),
            horizon: action.horizon(today),
            sent: action.request_deadlines().map(|d| d.sent),
            follow_up: action.follow_up_date().filter(|_| action.is_request()),
        }
    }
}

/// How long typing must pause before the timeline follows.
const SETTLE: Duration = Duration::from_millis(150);

/// A month of the timeline (`None`: the actions with no due date), with its entries.
type Group = (Option<Month>, Vec<Entry>);

#[component]
pub fn Timeline(project: ProjectHandle) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let filter = RwSignal::new(ActionFilter::default());
    // Follows the editors above a moment after typing pauses: laying out 500 actions at
    // every keystroke would make typing lag.
    let settled = app.settled(SETTLE);
    let groups = Memo::new(move |_| {
        let lang = app.lang.get();
        let current = filter.get();
        settled.track();
        project
            .with_untracked(|p| {
                let timeline = p.timeline(&current);
                let entries = |actions: Vec<PlannedAction>| {
                    actions
                        .into_iter()
                        .map(|a| Entry::of(a, today, lang))
                        .collect()
                };
                let mut groups: Vec<Group> = Vec::new();
                for (month, actions) in timeline.months {
                    groups.push((Some(month), entries(actions)));
                }
                if !timeline.undated.is_empty() {
                    groups.push((None, entries(timeline.undated)));
                }
                groups
            })
            .unwrap_or_default()
    });
    let overdue = Memo::new(move |_| {
        settled.track();
        project
            .with_untracked(|p| p.overdue_actions(today).count())
            .unwrap_or(0)
    });
    let months = move || groups.with(|g| g.iter().map(|(month, _)| *month).collect::<Vec<_>>());
    let by_horizon = RwSignal::new(false);
    let by_month = move || {
        view! {
            <ol class="timeline">
                <For each=months key=|month| *month let:month>
                    <MonthGroup month groups/>
                </For>
            </ol>
        }
    };
    view! {
        <section aria-labelledby="timeline-title" class="timeline-section">
            <h2 id="timeline-title">{move || app.t(Key::TimelineTitle)}</h2>
            <Filters project filter settled/>
            <ViewChoice by_horizon/>
            <p class="overdue-count">
                {move || Key::OverdueCount.fill(app.lang.get(), &[("count", &overdue.get().to_string())])}
            </p>
            <Show
                when=move || !groups.with(Vec::is_empty)
                fallback=move || view! { <p>{move || app.t(Key::NoTimeline)}</p> }
            >
                <Show when=move || by_horizon.get() fallback=by_month>
                    <div class="horizons">
                        {HORIZONS.map(|horizon| view! { <HorizonColumn horizon groups/> }).collect_view()}
                    </div>
                </Show>
            </Show>
        </section>
    }
}

/// The roadmap's three horizons, then the actions with neither a horizon nor a due date.
const HORIZONS: [Option<Horizon>; 4] = [
    Some(Horizon::Now),
    Some(Horizon::ThreeMonths),
    Some(Horizon::Year),
    None,
];

/// By month or by horizon.
#[component]
fn ViewChoice(by_horizon: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let option = move |value: bool, id: &'static str, label: Key| {
        view! {
            <div class="radio">
                <input
                    type="radio"
                    id=id
                    name="timeline-view"
                    prop:checked=move || by_horizon.get() == value
                    on:change=move |_| by_horizon.set(value)
                />
                <label for=id>{move || app.t(label)}</label>
            </div>
        }
    };
    view! {
        <fieldset class="view-choice">
            <legend>{move || app.t(Key::TimelineView)}</legend>
            {option(false, "view-by-month", Key::ViewByMonth)}
            {option(true, "view-by-horizon", Key::ViewByHorizon)}
        </fieldset>
    }
}

/// The entries of the timeline that `keep` keeps (it sees each entry's month), in order.
fn entries_where(
    groups: Memo<Vec<Group>>,
    keep: impl Fn(Option<Month>, &Entry) -> bool + Copy + Send + Sync + 'static,
) -> Signal<Vec<Entry>> {
    Signal::derive(move || {
        groups.with(|g| {
            g.iter()
                .flat_map(|(month, entries)| entries.iter().filter(move |e| keep(*month, e)))
                .cloned()
                .collect()
        })
    })
}

/// A list of entries, each rebuilt only when its content changes.
#[component]
fn EntryList(entries: Signal<Vec<Entry>>) -> impl IntoView {
    view! {
        <ul>
            <For each=move || entries.get() key=|entry| entry.clone() let:entry>
                {item(entry)}
            </For>
        </ul>
    }
}

/// One horizon's actions, soonest first; the column of actions with no horizon only shows
/// when it has some.
#[component]
fn HorizonColumn(horizon: Option<Horizon>, groups: Memo<Vec<Group>>) -> impl IntoView {
    let app = use_app();
    let entries = entries_where(groups, move |_, e| e.horizon == horizon);
    let title = move || app.t(horizon.map_or(Key::HorizonNone, |h| h.label()));
    let id = format!("horizon-{}", horizon.map_or("none", Choice::slug));
    view! {
        <Show when=move || horizon.is_some() || !entries.with(Vec::is_empty)>
            <section class="horizon" aria-labelledby=id.clone()>
                <h3 id=id.clone()>{title}</h3>
                <EntryList entries/>
            </section>
        </Show>
    }
}

/// One month of the timeline and its actions.
#[component]
fn MonthGroup(month: Option<Month>, groups: Memo<Vec<Group>>) -> impl IntoView {
    let app = use_app();
    let entries = entries_where(groups, move |m, _| m == month);
    let title = move || {
        let lang = app.lang.get();
        match month {
            Some(month) => browser::format_month(month, lang),
            None => Key::Undated.text(lang).to_string(),
        }
    };
    view! {
        <li class="month" class:undated=month.is_none()>
            <h3>{title}</h3>
            <EntryList entries/>
        </li>
    }
}

fn item(entry: Entry) -> impl IntoView {
    let lang = entry.lang;
    let headline = Key::TimelineItem.fill(
        lang,
        &[
            ("wanted", &entry.wanted),
            ("route", entry.route.label().text(lang)),
        ],
    );
    let mut details = vec![entry.status.label().text(lang).to_string()];
    if let Some(due) = entry.due {
        details.push(Key::DueOn.fill(lang, &[("date", &browser::format_day(due, lang))]));
    }
    if let Some(sent) = entry.sent {
        details.push(Key::RequestSentOn.fill(lang, &[("date", &browser::format_day(sent, lang))]));
    }
    if let Some(follow_up) = entry.follow_up {
        details
            .push(Key::FollowUpOn.fill(lang, &[("date", &browser::format_day(follow_up, lang))]));
    }
    details.push(match entry.owner.as_str() {
        "" => Key::NoOwner.text(lang).to_string(),
        owner => Key::OwnerIs.fill(lang, &[("owner", owner)]),
    });
    let description = (!entry.description.is_empty()).then(|| {
        let text = entry.description.clone();
        view! { <br/> <span>{text}</span> }
    });
    view! {
        <li class=format!("timeline-item status-{}", entry.status.slug()) class:overdue=entry.late>
            <strong>{headline}</strong>
            {entry.late.then(|| view! { " " <span class="overdue-badge">{Key::Overdue.text(lang)}</span> })}
            {description}
            <br/>
            <span class="meta">{details.join(" · ")}</span>
        </li>
    }
}

/// The status and owner filters.
#[component]
fn Filters(
    project: ProjectHandle,
    filter: RwSignal<ActionFilter>,
    settled: ReadSignal<u64>,
) -> impl IntoView {
    let app = use_app();
    let owners = Memo::new(move |_| {
        settled.track();
        project.with_untracked(|p| p.owners()).unwrap_or_default()
    });
    let statuses = ActionStatus::ALL
        .iter()
        .map(|&s| view! { <option value=s.slug()>{move || app.t(s.label())}</option> })
        .collect_view();
    let owner_options = move || {
        owners
            .get()
            .into_iter()
            .map(|o| view! { <option value=o.clone()>{o.clone()}</option> })
            .collect_view()
    };
    view! {
        <div class="filters form-grid">
            <div class="field">
                <label for="filter-status">{move || app.t(Key::FilterStatus)}</label>
                <select
                    id="filter-status"
                    on:change:target=move |ev| {
                        let status = ActionStatus::from_slug(&ev.target().value());
                        filter.update(|f| f.status = status);
                    }
                >
                    <option value="">{move || app.t(Key::AllStatuses)}</option>
                    {statuses}
                </select>
            </div>
            <div class="field">
                <label for="filter-owner">{move || app.t(Key::FilterOwner)}</label>
                <select
                    id="filter-owner"
                    on:change:target=move |ev| {
                        let owner = Some(ev.target().value()).filter(|o| !o.is_empty());
                        filter.update(|f| f.owner = owner);
                    }
                >
                    <option value="">{move || app.t(Key::AllOwners)}</option>
                    {owner_options}
                </select>
            </div>
        </div>
    }
}
