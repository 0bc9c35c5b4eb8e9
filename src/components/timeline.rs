//! The roadmap as a timeline by month, drawn with CSS, filtered by status and owner.

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser;
use crate::i18n::{Key, Label};
use crate::model::{ActionFilter, ActionStatus, Choice, PlannedAction};
use crate::state::use_app;

#[component]
pub fn Timeline(project: Uuid) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let filter = RwSignal::new(ActionFilter::default());
    let owners = Memo::new(move |_| {
        app.workspace
            .with(|w| w.project(project).map(|p| p.owners()))
            .unwrap_or_default()
    });
    let overdue = move || {
        app.workspace
            .with(|w| w.project(project).map(|p| p.overdue_actions(today).count()))
            .unwrap_or(0)
    };
    let item = move |planned: PlannedAction| {
        let lang = app.lang.get_untracked();
        let action = planned.action;
        let wanted = if planned.wanted.name.trim().is_empty() {
            Key::UntitledWanted.text(lang).to_string()
        } else {
            planned.wanted.name.clone()
        };
        let headline = Key::TimelineItem.fill(
            lang,
            &[
                ("wanted", &wanted),
                ("route", action.route.label().text(lang)),
            ],
        );
        let mut details = vec![action.status.label().text(lang).to_string()];
        if let Some(due) = action.due_date() {
            details.push(Key::DueOn.fill(lang, &[("date", &browser::format_day(due, lang))]));
        }
        details.push(match action.owner.trim() {
            "" => Key::NoOwner.text(lang).to_string(),
            owner => Key::OwnerIs.fill(lang, &[("owner", owner)]),
        });
        let late = action.is_overdue(today);
        let description = action.description.clone();
        view! {
            <li class=format!("timeline-item status-{}{}", action.status.slug(), if late { " overdue" } else { "" })>
                <strong>{headline}</strong>
                {late.then(|| view! { " " <span class="overdue-badge">{Key::Overdue.text(lang)}</span> })}
                {(!description.trim().is_empty()).then(|| view! { <br/> <span>{description}</span> })}
                <br/>
                <span class="meta">{details.join(" · ")}</span>
            </li>
        }
    };
    let body = move || {
        let lang = app.lang.get();
        let current = filter.get();
        app.workspace.with(|w| {
            let project = w.project(project)?;
            let timeline = project.timeline(&current);
            if timeline.months.is_empty() && timeline.undated.is_empty() {
                return Some(view! { <p>{Key::NoTimeline.text(lang)}</p> }.into_any());
            }
            let months = timeline
                .months
                .into_iter()
                .map(|(month, actions)| {
                    view! {
                        <li class="month">
                            <h3>{browser::format_month(month, lang)}</h3>
                            <ul>{actions.into_iter().map(item).collect_view()}</ul>
                        </li>
                    }
                })
                .collect_view();
            let undated = (!timeline.undated.is_empty()).then(|| {
                view! {
                    <li class="month undated">
                        <h3>{Key::Undated.text(lang)}</h3>
                        <ul>{timeline.undated.into_iter().map(item).collect_view()}</ul>
                    </li>
                }
            });
            Some(view! { <ol class="timeline">{months} {undated}</ol> }.into_any())
        })
    };
    view! {
        <section aria-labelledby="timeline-title" class="timeline-section">
            <h2 id="timeline-title">{move || app.t(Key::TimelineTitle)}</h2>
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
                        {ActionStatus::ALL
                            .iter()
                            .map(|&s| view! { <option value=s.slug()>{move || app.t(s.label())}</option> })
                            .collect_view()}
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
                        {move || {
                            owners
                                .get()
                                .into_iter()
                                .map(|o| view! { <option value=o.clone()>{o.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
            </div>
            <p class="overdue-count">
                {move || Key::OverdueCount.fill(app.lang.get(), &[("count", &overdue().to_string())])}
            </p>
            {body}
        </section>
    }
}
