//! Shared needs: wanted datasets that several projects of the workshop ask of one producer
//! under names that overlap, proposed as pairs the facilitator confirms or dismisses.

use leptos::prelude::*;

use super::use_workshop;
use crate::i18n::{DisplayName, Key};
use crate::model::{shared_needs, Project, SharedNeed};
use crate::state::use_app;

/// One proposed pair as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Proposal {
    need: SharedNeed,
    producer: String,
    first: (String, String),
    second: (String, String),
    decision: Option<bool>,
}

#[component]
pub fn SharedNeedsPage() -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let proposals = Memo::new(move |_| {
        let lang = app.lang.get();
        workshop
            .with_projects(|ws, projects| {
                let merges = ws.producer_merges();
                let names = |(project, wanted): (uuid::Uuid, uuid::Uuid)| {
                    let p: Option<&&Project> = projects.iter().find(|p| p.id == project);
                    let p_name = p.map(|p| p.display_name(lang)).unwrap_or_default();
                    let w_name = p
                        .and_then(|p| p.wanted.iter().find(|d| d.id == wanted))
                        .map(|d| d.display_name(lang))
                        .unwrap_or_default();
                    (p_name, w_name)
                };
                let list = crate::model::producers(projects, &merges);
                shared_needs(projects, &merges)
                    .into_iter()
                    .map(|need| Proposal {
                        producer: list.iter().find(|p| p.key == need.producer).map_or_else(
                            || need.producer.clone(),
                            |p| p.display_name().to_string(),
                        ),
                        first: names(need.first),
                        second: names(need.second),
                        decision: ws.need_decision(&need),
                        need,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <h1>{move || app.t(Key::SharedNeeds)}</h1>
        <p class="hint">{move || app.t(Key::SharedNeedsIntro)}</p>
        <Show
            when=move || !proposals.with(Vec::is_empty)
            fallback=move || view! { <p>{move || app.t(Key::NoSharedNeeds)}</p> }
        >
            <ul class="project-list" data-testid="shared-needs">
                <For each=move || proposals.get() key=|p| p.clone() let:proposal>
                    <ProposalCard proposal/>
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn ProposalCard(proposal: Proposal) -> impl IntoView {
    let app = use_app();
    let workshop = use_workshop();
    let Proposal {
        need,
        producer,
        first,
        second,
        decision,
    } = proposal;
    let words = need.words.iter().cloned().collect::<Vec<_>>().join(", ");
    let heading = format!("{} ({}) · {} ({})", first.1, first.0, second.1, second.0);
    let status = match decision {
        Some(true) => Key::NeedConfirmed,
        Some(false) => Key::NeedDismissed,
        None => Key::NeedUndecided,
    };
    let decide = move |decision: Option<bool>| {
        let need = need.clone();
        move |_| {
            workshop.edit(|w| w.decide_need(&need, decision));
        }
    };
    let buttons = match decision {
        None => view! {
            <button type="button" on:click=decide(Some(true))>{move || app.t(Key::ConfirmNeed)}</button>
            <button type="button" class="secondary" on:click=decide(Some(false))>{move || app.t(Key::DismissNeed)}</button>
        }
        .into_any(),
        Some(_) => view! {
            <button type="button" class="secondary" on:click=decide(None)>{move || app.t(Key::ReconsiderNeed)}</button>
        }
        .into_any(),
    };
    view! {
        <li class="card" class:dismissed=decision == Some(false) data-testid="shared-need">
            <h2>{heading}</h2>
            <p class="meta">
                {move || Key::SharedNeedProducer.fill(app.lang.get(), &[("producer", &producer)])}
                <br/>
                {move || Key::SharedNeedWords.fill(app.lang.get(), &[("words", &words)])}
            </p>
            <p><strong>{move || app.t(status)}</strong></p>
            <p class="actions">{buttons}</p>
        </li>
    }
}
