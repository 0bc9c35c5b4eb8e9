//! Browser tests (wasm-bindgen-test in headless Chromium): storage against the real
//! localStorage, and components mounted into the page.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use data_roadmap::app::App;
use data_roadmap::model::layout::{project_key, INDEX_KEY, LEGACY_KEY};
use data_roadmap::model::{
    LoadReport, Project, Replica, SaveError, SyncContext, WantedDataset, Workspace,
};
use data_roadmap::routes::{Page, ProjectPage, WorkshopPage};
use data_roadmap::storage::{self, LocalStore};
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Every test starts from an empty storage and the home address.
fn fresh_page() {
    local_storage().clear().unwrap();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn sample_workspace(project_name: &str) -> Workspace {
    let mut project = Project::new(Uuid::new_v4(), project_name, 1_700_000_000_000);
    for name in ["Bathymetry", "Buoys", "Seagrass"] {
        project.add_wanted(WantedDataset {
            name: name.into(),
            ..WantedDataset::new(Uuid::new_v4())
        });
    }
    Workspace {
        projects: vec![project],
        ..Workspace::default()
    }
}

fn ctx() -> SyncContext<'static> {
    SyncContext {
        now: 42,
        conflict_label: &|| "Conflict copy".to_string(),
        new_id: &Uuid::new_v4,
    }
}

/// Stores a workspace as the app does: one key per project and per workshop, and the index.
fn store(workspace: &Workspace) {
    let mut local = LocalStore::open().unwrap();
    let (mut replica, mut current, _) = Replica::load(&mut local, &ctx());
    current.projects = workspace.projects.clone();
    current.workshops = workspace.workshops.clone();
    let (_, result) = replica.save(&mut local, &mut current, None, &ctx());
    result.unwrap();
}

/// What a fresh load would find.
fn stored() -> Workspace {
    Replica::load(&mut LocalStore::open().unwrap(), &ctx()).1
}

/// Mounts the whole app into a fresh element; dropping the handle unmounts it.
fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let parent: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), App);
    (parent, handle)
}

#[wasm_bindgen_test]
fn saved_workspace_loads_back_identical_one_key_per_project() {
    fresh_page();
    let workspace = sample_workspace("Posidonia watch");
    store(&workspace);
    let (_, loaded, report) = Replica::load(&mut LocalStore::open().unwrap(), &ctx());
    assert_eq!(report, LoadReport::default());
    assert_eq!(loaded, workspace);
    let id = workspace.projects[0].id;
    assert!(local_storage()
        .get_item(&project_key(id))
        .unwrap()
        .is_some());
    assert!(local_storage().get_item(INDEX_KEY).unwrap().is_some());
    assert_eq!(local_storage().get_item(LEGACY_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn nothing_stored_means_an_empty_workspace() {
    fresh_page();
    let (_, loaded, report) = Replica::load(&mut LocalStore::open().unwrap(), &ctx());
    assert_eq!(report, LoadReport::default());
    assert!(loaded.projects.is_empty());
}

#[wasm_bindgen_test]
fn an_unreadable_value_is_set_aside_before_anything_is_written() {
    fresh_page();
    let raw = "{\"schema_version\":1,\"projects\":[{\"name\":\"cut sh";
    local_storage().set_item(LEGACY_KEY, raw).unwrap();

    let (_, loaded, report) = Replica::load(&mut LocalStore::open().unwrap(), &ctx());
    let unreadable = report.unreadable.expect("reported");
    assert_eq!(unreadable.raw, raw);
    let key = unreadable.set_aside_key.expect("set aside");
    assert_eq!(storage::set_aside_text(&key).as_deref(), Some(raw));
    assert!(loaded.projects.is_empty());
    let entries = storage::set_aside_entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].at, 42);

    storage::delete_set_aside(INDEX_KEY);
    local_storage().set_item(INDEX_KEY, "{}").unwrap();
    storage::delete_set_aside(INDEX_KEY);
    assert!(
        local_storage().get_item(INDEX_KEY).unwrap().is_some(),
        "only set-aside keys can be deleted"
    );
    storage::delete_set_aside(&key);
    assert!(storage::set_aside_entries().is_empty());
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_keeps_the_previous_save() {
    fresh_page();
    let small = sample_workspace("Small");
    store(&small);
    let mut local = LocalStore::open().unwrap();
    let (mut replica, mut workspace, _) = Replica::load(&mut local, &ctx());
    workspace.projects[0].description = "x".repeat(12 * 1024 * 1024);
    let (_, result) = replica.save(&mut local, &mut workspace, None, &ctx());
    assert_eq!(result, Err(SaveError::QuotaExceeded));
    assert_eq!(stored(), small);
}

#[wasm_bindgen_test]
async fn writes_wait_their_turn_under_the_lock() {
    let order = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    for n in 1..=3 {
        let order = order.clone();
        storage::with_lock(move || order.borrow_mut().push(n));
    }
    sleep(50).await;
    assert_eq!(*order.borrow(), [1, 2, 3]);
}

#[wasm_bindgen_test]
fn the_language_choice_is_remembered() {
    fresh_page();
    assert_eq!(storage::load_lang(), None);
    storage::save_lang(data_roadmap::i18n::Lang::En);
    assert_eq!(storage::load_lang(), Some(data_roadmap::i18n::Lang::En));
}

#[wasm_bindgen_test]
async fn user_text_is_rendered_as_text() {
    fresh_page();
    let hostile = "<img src=x onerror=alert(1)>";
    store(&sample_workspace(hostile));
    let (parent, handle) = mount_app();
    sleep(20).await;
    let text = parent.text_content().unwrap_or_default();
    assert!(text.contains(hostile), "the name is shown as typed: {text}");
    assert!(
        parent.query_selector("img").unwrap().is_none(),
        "no element was created from it"
    );
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn the_app_warns_about_unreadable_data_and_does_not_overwrite_it() {
    fresh_page();
    local_storage()
        .set_item(LEGACY_KEY, "not json at all")
        .unwrap();
    let (parent, handle) = mount_app();
    sleep(20).await;
    let notice = parent
        .query_selector("[data-testid=unreadable-notice]")
        .unwrap()
        .expect("a notice is shown");
    assert!(notice.text_content().unwrap().contains("JSON"));
    sleep(600).await;
    let entries = storage::set_aside_entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        storage::set_aside_text(&entries[0].key).as_deref(),
        Some("not json at all"),
        "the unreadable text is kept, as it was"
    );
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_new_project_is_saved_without_a_save_button() {
    fresh_page();
    let (parent, handle) = mount_app();
    sleep(20).await;
    let input: web_sys::HtmlInputElement = parent
        .query_selector("#new-project-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("Festival sonore");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let submit: web_sys::HtmlElement = parent
        .query_selector("form button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    sleep(20).await;
    assert!(
        parent.query_selector("#project-holder").unwrap().is_some(),
        "the new project's page is open"
    );
    sleep(Duration::from_millis(700).as_millis() as i32).await;
    let workspace = stored();
    assert_eq!(workspace.projects.len(), 1);
    assert_eq!(workspace.projects[0].name, "Festival sonore");
    drop(handle);
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_source_page_makes_only_http_links_clickable() {
    fresh_page();
    let fixture = include_str!("fixtures/workspace-v2.json");
    let workspace = Workspace::from_json(fixture).unwrap();
    let project = &workspace.projects[0];
    let path = format!(
        "/project/{}/wanted/{}/sources",
        project.id, project.wanted[0].id
    );
    store(&workspace);
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let (parent, handle) = mount_app();
    sleep(20).await;
    let links = parent.query_selector_all(".source-card a").unwrap();
    assert_eq!(
        links.length(),
        1,
        "one source has an http(s) link, the other javascript:"
    );
    let href = links
        .get(0)
        .unwrap()
        .unchecked_into::<web_sys::Element>()
        .get_attribute("href");
    assert_eq!(
        href.as_deref(),
        Some("https://www.data.gouv.fr/fr/datasets/herbiers-posidonie/")
    );
    let text = parent.text_content().unwrap_or_default();
    assert!(
        text.contains("Herbiers de posidonie — Méditerranée"),
        "the page shows the sources: {text}"
    );
    drop(handle);
    parent.remove();
    fresh_page();
}

#[wasm_bindgen_test]
async fn a_share_link_is_previewed_as_text_and_stores_nothing_until_imported() {
    fresh_page();
    let hostile = "<img src=x onerror=alert(1)>";
    let workspace = sample_workspace(hostile);
    let fragment = data_roadmap::export::encode_share_link(&workspace.projects[0]).unwrap();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("/#{fragment}")),
        )
        .unwrap();
    let (parent, handle) = mount_app();
    sleep(20).await;
    let review = parent
        .query_selector("[data-testid=import-review]")
        .unwrap()
        .expect("the shared project is offered for review");
    let text = review.text_content().unwrap_or_default();
    assert!(text.contains(hostile), "the name is shown as typed: {text}");
    assert!(text.contains('3'), "the counts are shown: {text}");
    assert!(review.query_selector("img").unwrap().is_none());
    assert!(stored().projects.is_empty(), "nothing stored");
    assert_eq!(local_storage().get_item(INDEX_KEY).unwrap(), None);

    let import: web_sys::HtmlElement = parent
        .query_selector("#share-import-import")
        .unwrap()
        .unwrap()
        .unchecked_into();
    import.click();
    sleep(600).await;
    assert_eq!(stored().projects, vec![workspace.projects[0].content()]);
    drop(handle);
    parent.remove();
    fresh_page();
}

fn go_to(path: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

#[wasm_bindgen_test]
async fn every_page_address_is_answered_by_its_page_and_marked_in_the_navigation() {
    fresh_page();
    local_storage().set_item("data-roadmap:lang", "en").unwrap();
    let workspace = Workspace::from_json(include_str!("fixtures/workspace-v8.json")).unwrap();
    store(&workspace);
    assert_eq!(stored(), workspace, "the workshop is stored too");
    let project = &workspace.projects[0];
    let request = project.wanted[0].actions[1].id;
    let pages = [
        (ProjectPage::Overview, "Overview"),
        (ProjectPage::WantedList, "Phase 1"),
        (ProjectPage::Sources, "Phase 2"),
        (ProjectPage::WantedSources(project.wanted[0].id), "Phase 2"),
        (ProjectPage::DataMap, "Data map"),
        (ProjectPage::Roadmap, "Phase 3"),
        (ProjectPage::Letter(request), "Phase 3"),
        (ProjectPage::Dashboard, "Dashboard"),
        (ProjectPage::Report, "Report"),
        (ProjectPage::Files, "Files"),
        (ProjectPage::Version(project.snapshots[0].id), "Files"),
    ];
    for (page, entry) in pages {
        let href = Page::Project(project.id, page).href();
        go_to(&href);
        let (parent, handle) = mount_app();
        sleep(30).await;
        let text = parent.text_content().unwrap_or_default();
        assert!(
            !text.contains("Page not found"),
            "{href} is not found: {text}"
        );
        let marked = parent
            .query_selector_all(".project-nav [aria-current=page]")
            .unwrap();
        assert_eq!(marked.length(), 1, "{href}: one entry is current");
        let marked = marked.get(0).unwrap().text_content().unwrap_or_default();
        assert_eq!(marked.trim(), entry, "{href}");
        drop(handle);
        parent.remove();
    }
    let workshop = workspace.workshops[0].id;
    for (page, entry) in [
        (WorkshopPage::Projects, "Projects"),
        (WorkshopPage::Producers, "Producers"),
        (WorkshopPage::SharedNeeds, "Shared needs"),
    ] {
        let href = Page::Workshop(workshop, page).href();
        go_to(&href);
        let (parent, handle) = mount_app();
        sleep(30).await;
        let text = parent.text_content().unwrap_or_default();
        assert!(!text.contains("Page not found"), "{href}: {text}");
        let marked = parent
            .query_selector_all(".project-nav [aria-current=page]")
            .unwrap();
        assert_eq!(marked.length(), 1, "{href}: one entry is current");
        let marked = marked.get(0).unwrap().text_content().unwrap_or_default();
        assert_eq!(marked.trim(), entry, "{href}");
        drop(handle);
        parent.remove();
    }
    // An address below a project that does not exist, or a malformed id, is not found.
    for href in [
        Page::Workshop(uuid::Uuid::nil(), WorkshopPage::Producers).href(),
        Page::Workshops
            .href()
            .replace("workshops", "workshop/not-an-id"),
        Page::Project(uuid::Uuid::nil(), ProjectPage::Roadmap).href(),
        format!("/project/{}/wanted/not-an-id/sources", project.id),
        Page::Project(project.id, ProjectPage::Letter(uuid::Uuid::nil())).href(),
    ] {
        go_to(&href);
        let (parent, handle) = mount_app();
        sleep(30).await;
        let text = parent.text_content().unwrap_or_default();
        assert!(text.contains("Page not found"), "{href}: {text}");
        drop(handle);
        parent.remove();
    }
    fresh_page();
}

/// The rows of the Wanted Data List in the page, by their names.
fn wanted_row_names(parent: &web_sys::HtmlElement) -> Vec<String> {
    let rows = parent.query_selector_all(".wanted-row .row-name").unwrap();
    (0..rows.length())
        .map(|i| rows.get(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn a_long_wanted_list_shows_its_first_rows_at_once_and_every_row_soon_after() {
    fresh_page();
    let mut project = Project::new(Uuid::new_v4(), "Long list", 1_700_000_000_000);
    let names: Vec<String> = (1..=150).map(|i| format!("Dataset {i}")).collect();
    for name in &names {
        project.add_wanted(WantedDataset {
            name: name.clone(),
            ..WantedDataset::new(Uuid::new_v4())
        });
    }
    go_to(&Page::Project(project.id, ProjectPage::WantedList).href());
    store(&Workspace {
        projects: vec![project],
        ..Workspace::default()
    });
    let (parent, handle) = mount_app();
    let mut first = wanted_row_names(&parent);
    while first.is_empty() {
        sleep(1).await;
        first = wanted_row_names(&parent);
    }
    assert!(
        first.len() < names.len(),
        "the first screen does not wait for every row ({} built)",
        first.len()
    );
    assert_eq!(first, names[..first.len()], "the first rows, in order");
    let mut waited = 0;
    while wanted_row_names(&parent).len() < names.len() && waited < 5_000 {
        sleep(50).await;
        waited += 50;
    }
    assert_eq!(wanted_row_names(&parent), names, "every row, in order");
    drop(handle);
    parent.remove();
    fresh_page();
}
