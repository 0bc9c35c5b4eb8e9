//! Workshops across tabs: each in its own key, caught up with, merged, removed, and never
//! overwritten when a newer version or a damaged text is found.

use super::*;
use crate::model::layout::{workshop_key, workshop_record_json, SET_ASIDE_PREFIX};

fn with_workshop(tab: &mut Tab, n: u128, name: &str) -> Uuid {
    let id = Uuid::from_u128(n);
    let mut workshop = Workshop::new(id, name.into(), n as i64);
    workshop.add_project(Uuid::from_u128(1));
    tab.workspace.workshops.push(workshop);
    id
}

fn edit_workshop(tab: &mut Tab, id: Uuid, edit: impl FnOnce(&mut Workshop)) {
    tab.workspace.edit_workshop(id, 2_000, edit).expect("here");
}

#[test]
fn a_workshop_created_in_one_tab_reaches_the_other() {
    let store = Memory::default();
    let mut a = Tab::open(&store);
    let mut b = Tab::open(&store);
    let id = with_workshop(&mut a, 100, "Atelier");
    a.save().1.unwrap();
    assert!(store.text(&workshop_key(id)).is_some());
    let synced = b.catch_up(Some(KeyKind::of(&workshop_key(id)).unwrap()));
    assert!(synced.changed);
    assert_eq!(b.workspace.workshops, a.workspace.workshops);
    // A tab that missed the event finds it when it looks at everything.
    let mut c = Tab::open(&Memory::default());
    c.store = store.clone();
    assert!(c.catch_up(None).changed);
    assert_eq!(c.workspace.workshops, a.workspace.workshops);
    // Reloaded, in the order they were created.
    with_workshop(&mut a, 50, "Plus ancien");
    a.save().1.unwrap();
    let names: Vec<_> = Tab::open(&store)
        .workspace
        .workshops
        .iter()
        .map(|w| w.name.clone())
        .collect();
    assert_eq!(names, ["Plus ancien", "Atelier"]);
}

#[test]
fn two_tabs_editing_one_workshop_merge() {
    let store = Memory::default();
    let mut a = Tab::open(&store);
    let id = with_workshop(&mut a, 100, "Atelier");
    a.save().1.unwrap();
    let mut b = Tab::open(&store);
    edit_workshop(&mut a, id, |w| {
        w.add_project(Uuid::from_u128(2));
    });
    edit_workshop(&mut b, id, |w| w.place = "Marseille".into());
    a.save().1.unwrap();
    b.save().1.unwrap();
    let reloaded = Tab::open(&store);
    let w = reloaded.workspace.workshop(id).unwrap();
    assert_eq!(w.place, "Marseille");
    assert!(w.has(Uuid::from_u128(2)));
    assert!(a.catch_up(None).changed);
    assert_eq!(a.workspace.workshop(id), Some(w));
}

#[test]
fn a_field_both_tabs_changed_keeps_the_other_and_sets_this_one_aside() {
    let store = Memory::default();
    let mut a = Tab::open(&store);
    let id = with_workshop(&mut a, 100, "Atelier");
    a.save().1.unwrap();
    let mut b = Tab::open(&store);
    edit_workshop(&mut a, id, |w| w.name = "Atelier A".into());
    edit_workshop(&mut b, id, |w| w.name = "Atelier B".into());
    a.save().1.unwrap();
    b.save().1.unwrap();
    assert_eq!(
        Tab::open(&store).workspace.workshop(id).unwrap().name,
        "Atelier A"
    );
    let aside: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
        .filter_map(|k| store.text(&k))
        .collect();
    assert_eq!(aside.len(), 1);
    let kept = Workspace::from_json(&aside[0]).unwrap();
    assert_eq!(kept.workshops[0].name, "Atelier B");
}

#[test]
fn a_workshop_removed_in_one_tab_goes_from_the_other_unless_edited_there() {
    let store = Memory::default();
    let mut a = Tab::open(&store);
    let id = with_workshop(&mut a, 100, "Atelier");
    let kept = with_workshop(&mut a, 101, "Gardé");
    a.save().1.unwrap();
    let mut b = Tab::open(&store);
    a.workspace.workshops.clear();
    a.save().1.unwrap();
    assert_eq!(store.text(&workshop_key(id)), None);
    edit_workshop(&mut b, kept, |w| w.place = "Nice".into());
    assert!(b.catch_up(None).changed);
    assert!(b.workspace.workshop(id).is_none());
    assert!(b.workspace.workshop(kept).is_some(), "edited here: kept");
    b.save().1.unwrap();
    assert_eq!(Tab::open(&store).workspace.workshops.len(), 1);
}

#[test]
fn a_newer_or_damaged_workshop_is_never_written_over() {
    let newer = Uuid::from_u128(7);
    let damaged = Uuid::from_u128(8);
    let newer_text = format!(
        "{{\"revision\":3,\"schema_version\":{},\"workshop\":{{\"id\":\"{newer}\"}}}}",
        SCHEMA_VERSION + 1
    );
    let damaged_text = workshop_record_json(1, "{\"members\":12}");
    let store = Memory::with(&[
        (&workshop_key(newer), &newer_text),
        (&workshop_key(damaged), &damaged_text),
    ]);
    let mut tab = Tab::open(&store);
    assert!(tab.workspace.workshops.is_empty());
    let unreadable = tab.report.unreadable.clone().expect("reported");
    assert_eq!(unreadable.raw, damaged_text);
    let aside = unreadable.set_aside_key.expect("set aside");
    assert_eq!(store.text(&aside), Some(damaged_text));
    assert_eq!(store.text(&workshop_key(damaged)), None);
    with_workshop(&mut tab, 9, "Nouveau");
    tab.save().1.unwrap();
    tab.catch_up(None);
    assert_eq!(store.text(&workshop_key(newer)), Some(newer_text));
    assert_eq!(tab.workspace.workshops.len(), 1);
}
