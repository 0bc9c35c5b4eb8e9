//! The cohort dashboard: one row per project of the workshop, sortable by any column, with
//! the flagship mark and its reason; exported as CSV and printed.

use leptos::prelude::*;
use uuid::Uuid;

use super::use_workshop;
use crate::browser;
use crate::components::offer;
use crate::export::{answers_text, cohort_csv, file_stem, ExportFile};
use crate::i18n::{Key, Label};
use crate::model::{cohort, CohortColumn, CohortRow};
use crate::routes::{Page, ProjectPage};
use crate::state::{use_app, Undo};

#[component]
pub fn CohortTable() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let sort = RwSignal::new(None::<(CohortColumn, bool)>);
    let today = browser::today();
    let all = Memo::new(move |_| {
        app.with_workspace(|w| {
            let Some(ws) = w.workshop(workshop.id()) else {
                return (Vec::new(), 0);
            };
            let rows = cohort(ws, &w.projects, today);
            let missing = ws.members.len() - rows.len();
            (rows, missing)
        })
    });
    let rows = Memo::new(move |_| {
        let mut rows = all.with(|(rows, _)| rows.clone());
        if let Some((column, descending)) = sort.get() {
            column.sort(&mut rows, descending);
        }
        rows
    });
    let order = Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.project).collect::<Vec<_>>()));
    let missing = move || {
        let n = all.with(|(_, m)| *m);
        (n > 0).then(|| {
            view! {
                <p class="notice notice-warning">
                    {move || Key::CohortMissing.fill(app.lang.get(), &[("count", &n.to_string())])}
                </p>
            }
        })
    };
    let download = move |_| {
        let lang = app.lang.get_untracked();
        let bytes =
            rows.with_untracked(|r| cohort_csv(r, lang, |ms| browser::format_date_time(ms, lang)));
        let name = workshop
            .with_untracked(|w| w.name.clone())
            .unwrap_or_default();
        let suffix = Key::FileSuffixCohort.text(lang);
        offer(
            app,
            ExportFile {
                name: format!("{}-{suffix}.csv", file_stem(&name, &browser::iso_today())),
                mime: "text/csv;charset=utf-8",
                bytes,
            },
        );
    };
    view! {
        <section aria-labelledby="cohort-title" data-testid="cohort">
            <h2 id="cohort-title">{move || app.t(Key::CohortTitle)}</h2>
            {missing}
            <Show
                when=move || !order.with(Vec::is_empty)
                fallback=move || view! { <p>{move || app.t(Key::CohortEmpty)}</p> }
            >
                <p class="actions no-print">
                    <button type="button" on:click=download>{move || app.t(Key::CohortCsv)}</button>
                    <button type="button" class="secondary" on:click=move |_| browser::print()>{move || app.t(Key::PrintCohort)}</button>
                </p>
                <div class="table-scroll">
                    <table class="cohort">
                        <caption>{move || app.t(Key::CohortCaption)}</caption>
                        <thead>
                            <tr>
                                {CohortColumn::ALL
                                    .into_iter()
                                    .map(|column| view! { <SortHeader column sort/> })
                                    .collect_view()}
                                <th scope="col">{move || app.t(Key::ColMap)}</th>
                                <th scope="col">{move || app.t(Key::ColHorizons)}</th>
                                <th scope="col">{move || app.t(Key::ColAnswers)}</th>
                                <th scope="col" class="no-print"><span class="visually-hidden">{move || app.t(Key::RemoveFromWorkshop)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || order.get() key=|id| *id let:id>
                                <CohortLine id rows/>
                            </For>
                        </tbody>
                    </table>
                </div>
                <p class="hint map-legend">{move || app.t(Key::CohortMapLegend)}</p>
            </Show>
        </section>
    }
}

fn column_label(column: CohortColumn) -> Key {
    match column {
        CohortColumn::Name => Key::ColProject,
        CohortColumn::Holder => Key::ColHolder,
        CohortColumn::Domain => Key::ColDomain,
        CohortColumn::Phase(phase) => phase.label(),
        CohortColumn::Overdue => Key::ColOverdue,
        CohortColumn::LastChange => Key::ColLastChange,
        CohortColumn::Flagship => Key::ColFlagship,
    }
}

/// A column heading that sorts the table: ascending, then descending.
#[component]
fn SortHeader(column: CohortColumn, sort: RwSignal<Option<(CohortColumn, bool)>>) -> impl IntoView {
    let app = use_app();
    let state = move || sort.get().filter(|(c, _)| *c == column).map(|(_, d)| d);
    let aria = move || match state() {
        Some(false) => "ascending",
        Some(true) => "descending",
        None => "none",
    };
    let arrow = move || match state() {
        Some(false) => " ▲",
        Some(true) => " ▼",
        None => "",
    };
    let toggle = move |_| {
        sort.set(Some((column, state() == Some(false))));
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort" on:click=toggle>
                {move || app.t(column_label(column))}
                <span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

#[component]
fn CohortLine(id: Uuid, rows: Memo<Vec<CohortRow>>) -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let row = Memo::new(move |_| rows.with(|r| r.iter().find(|r| r.project == id).cloned()));
    let text = move |f: fn(&CohortRow) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let name = text(|r| r.name.clone());
    let lang = app.lang;
    let phase = move |i: usize| {
        move || {
            row.with(|r| {
                r.as_ref()
                    .map(|r| format!("{} %", r.progress[i].percent()))
                    .unwrap_or_default()
            })
        }
    };
    let domain = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.domain.label().text(lang.get()))
                .unwrap_or_default()
        })
    };
    let map = text(|r| {
        let mut counts: Vec<String> = r.quadrants.iter().map(usize::to_string).collect();
        counts.push(r.unplaced.to_string());
        counts.join(" · ")
    });
    let horizons = text(|r| {
        r.horizons
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let overdue = text(|r| r.overdue.to_string());
    let changed = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| browser::format_date_time(r.updated_at, lang.get()))
        })
        .unwrap_or_default()
    };
    let answers = move || {
        let text = row
            .with(|r| r.as_ref().map(|r| answers_text(r, lang.get())))
            .unwrap_or_default();
        if text.is_empty() {
            "—".to_string()
        } else {
            text
        }
    };
    let flagship = move || row.with(|r| r.as_ref().is_some_and(|r| r.flagship));
    let reason = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.flagship_reason.clone())
                .unwrap_or_default()
        })
    };
    let flag_id = format!("flagship-{id}");
    let reason_id = format!("flagship-reason-{id}");
    let remove = move |_| {
        let removed = workshop.edit(|w| w.remove_project(id)).flatten();
        let Some((at, member)) = removed else { return };
        let lang = lang.get_untracked();
        let undo: Undo = std::sync::Arc::new(move || {
            let member = member.clone();
            workshop.edit(|w| w.restore_member(at, member));
        });
        app.offer_undo(
            Key::RemovedFromWorkshop.fill(lang, &[("name", &name())]),
            undo,
        );
    };
    view! {
        <tr data-testid="cohort-row" class:flagship=flagship>
            <th scope="row"><a href=Page::Project(id, ProjectPage::Overview).href()>{name}</a></th>
            <td>{text(|r| r.holder.clone())}</td>
            <td>{domain}</td>
            <td>{phase(0)}</td>
            <td>{phase(1)}</td>
            <td>{phase(2)}</td>
            <td>{overdue}</td>
            <td>{changed}</td>
            <td class="flagship-cell">
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=flag_id.clone()
                        prop:checked=flagship
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            workshop.edit(|w| w.set_flagship(id, on));
                        }
                    />
                    <label for=flag_id>
                        {move || app.t(Key::ColFlagship)}
                        <span class="visually-hidden">" — " {name}</span>
                    </label>
                </div>
                <Show when=flagship>
                    <label for=reason_id.clone()>
                        {move || app.t(Key::FlagshipReasonColumn)}
                        <span class="visually-hidden">" — " {name}</span>
                    </label>
                    <input
                        type="text"
                        class="no-print"
                        id=reason_id.clone()
                        prop:value=reason
                        on:input:target=move |ev| {
                            let value = ev.target().value();
                            workshop.edit(|w| w.set_flagship_reason(id, value));
                        }
                    />
                    <span class="print-only">{reason}</span>
                </Show>
            </td>
            <td>{map}</td>
            <td>{horizons}</td>
            <td>{answers}</td>
            <td class="no-print">
                <button type="button" class="secondary" on:click=remove>
                    {move || app.t(Key::RemoveFromWorkshop)}
                    <span class="visually-hidden">" " {name}</span>
                </button>
            </td>
        </tr>
    }
}
