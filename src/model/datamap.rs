//! The data map's layout: value across (1 → 4), availability up (1 → 4); each scored dataset
//! in the cell of its two scores, side by side with the others there, never on top of them.
//! Coordinates are in the map's own units (the SVG's user space), the plot's top-left at 0, 0.

use uuid::Uuid;

use super::{MapPlace, Project};

pub const CELL_WIDTH: f64 = 150.0;
pub const CELL_HEIGHT: f64 = 100.0;
pub const PLOT_WIDTH: f64 = 4.0 * CELL_WIDTH;
pub const PLOT_HEIGHT: f64 = 4.0 * CELL_HEIGHT;
pub const POINT_RADIUS: f64 = 13.0;
/// From one point's centre to the next in a cell.
const SPACING: f64 = 34.0;
const COLUMNS: usize = 4;
const ROWS: usize = 2;
/// Places in a cell; past it, the last place says "+n" and the table lists them all.
pub const CELL_CAPACITY: usize = COLUMNS * ROWS;

/// A dataset drawn on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    pub id: Uuid,
    /// Its place in the Wanted Data List, from 1: the label drawn in the point.
    pub number: usize,
    /// Its name as typed.
    pub name: String,
    pub place: MapPlace,
    pub x: f64,
    pub y: f64,
}

/// "+n": the datasets of a crowded cell that have no place of their own.
#[derive(Clone, Debug, PartialEq)]
pub struct Overflow {
    pub value: u8,
    pub availability: u8,
    pub hidden: usize,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataMap {
    pub points: Vec<MapPoint>,
    pub overflows: Vec<Overflow>,
    /// Pursued datasets with no value or no availability yet, in list order.
    pub unscored: Vec<Uuid>,
}

/// The top-left corner of a cell: value 1 on the left, availability 4 at the top.
pub fn cell_origin(value: u8, availability: u8) -> (f64, f64) {
    (
        f64::from(value - 1) * CELL_WIDTH,
        f64::from(4 - availability) * CELL_HEIGHT,
    )
}

/// The cell under a point of the plot, clamped to the map: where a dragged point lands.
pub fn cell_at(x: f64, y: f64) -> (u8, u8) {
    let column = (x / CELL_WIDTH).floor().clamp(0.0, 3.0) as u8;
    let row = (y / CELL_HEIGHT).floor().clamp(0.0, 3.0) as u8;
    (column + 1, 4 - row)
}

/// The centre of the `slot`-th place of a cell.
fn slot_centre(value: u8, availability: u8, slot: usize) -> (f64, f64) {
    let (left, top) = cell_origin(value, availability);
    let pad_x = (CELL_WIDTH - (COLUMNS - 1) as f64 * SPACING) / 2.0;
    let pad_y = (CELL_HEIGHT - (ROWS - 1) as f64 * SPACING) / 2.0;
    (
        left + pad_x + (slot % COLUMNS) as f64 * SPACING,
        top + pad_y + (slot / COLUMNS) as f64 * SPACING,
    )
}

impl Project {
    /// The map of the pursued datasets, in list order within each cell.
    pub fn data_map(&self) -> DataMap {
        let mut map = DataMap::default();
        let mut cells: Vec<Vec<MapPoint>> = vec![Vec::new(); 16];
        for (index, dataset) in self.wanted.iter().enumerate() {
            if dataset.status == super::WantedStatus::Dropped {
                continue;
            }
            let Some(place) = dataset.map_place() else {
                map.unscored.push(dataset.id);
                continue;
            };
            let cell = usize::from(place.value - 1) * 4 + usize::from(place.availability - 1);
            cells[cell].push(MapPoint {
                id: dataset.id,
                number: index + 1,
                name: dataset.name.clone(),
                place,
                x: 0.0,
                y: 0.0,
            });
        }
        for points in cells.into_iter().filter(|c| !c.is_empty()) {
            let (value, availability) = (points[0].place.value, points[0].place.availability);
            let shown = if points.len() > CELL_CAPACITY {
                CELL_CAPACITY - 1
            } else {
                points.len()
            };
            if shown < points.len() {
                let (x, y) = slot_centre(value, availability, shown);
                map.overflows.push(Overflow {
                    value,
                    availability,
                    hidden: points.len() - shown,
                    x,
                    y,
                });
            }
            for (slot, mut point) in points.into_iter().take(shown).enumerate() {
                (point.x, point.y) = slot_centre(value, availability, slot);
                map.points.push(point);
            }
        }
        map.points.sort_by_key(|p| p.number);
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, Value, WantedDataset};
    use proptest::prelude::*;

    fn project(scores: &[(u8, u8)]) -> Project {
        let mut project = Project::new(Uuid::nil(), "P", 0);
        for (i, &(value, availability)) in scores.iter().enumerate() {
            let mut d = WantedDataset::new(Uuid::from_u128(i as u128 + 1));
            d.value = Value::from_number(value);
            d.availability = Availability::from_number(availability);
            project.add_wanted(d);
        }
        project
    }

    #[test]
    fn a_point_sits_in_the_cell_of_its_scores() {
        let map = project(&[(4, 4), (1, 1), (0, 3)]).data_map();
        assert_eq!(map.unscored, [Uuid::from_u128(3)]);
        let top_right = &map.points[0];
        assert_eq!(cell_at(top_right.x, top_right.y), (4, 4));
        assert!(top_right.x > 3.0 * CELL_WIDTH && top_right.y < CELL_HEIGHT);
        let bottom_left = &map.points[1];
        assert_eq!(cell_at(bottom_left.x, bottom_left.y), (1, 1));
        assert_eq!(
            cell_at(-5.0, 9_999.0),
            (1, 1),
            "a drop outside lands on the edge"
        );
    }

    #[test]
    fn a_crowded_cell_shows_how_many_more() {
        let map = project(&[(3, 3); 11]).data_map();
        assert_eq!(map.points.len(), CELL_CAPACITY - 1);
        assert_eq!(map.overflows.len(), 1);
        assert_eq!(map.overflows[0].hidden, 11 - (CELL_CAPACITY - 1));
    }

    proptest! {
        #[test]
        fn no_two_points_ever_overlap_and_none_is_lost(
            scores in proptest::collection::vec((0u8..=4, 0u8..=4), 0..60),
        ) {
            let project = project(&scores);
            let map = project.data_map();
            let mut marks: Vec<(f64, f64)> = map.points.iter().map(|p| (p.x, p.y)).collect();
            marks.extend(map.overflows.iter().map(|o| (o.x, o.y)));
            for (i, a) in marks.iter().enumerate() {
                prop_assert!(a.0 - POINT_RADIUS >= 0.0 && a.0 + POINT_RADIUS <= PLOT_WIDTH);
                prop_assert!(a.1 - POINT_RADIUS >= 0.0 && a.1 + POINT_RADIUS <= PLOT_HEIGHT);
                for b in &marks[i + 1..] {
                    let distance = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    prop_assert!(distance >= 2.0 * POINT_RADIUS, "{a:?} and {b:?} overlap");
                }
            }
            for point in &map.points {
                prop_assert_eq!(cell_at(point.x, point.y), (point.place.value, point.place.availability));
            }
            let hidden: usize = map.overflows.iter().map(|o| o.hidden).sum();
            let scored = scores.iter().filter(|(v, a)| *v > 0 && *a > 0).count();
            prop_assert_eq!(map.points.len() + hidden, scored);
            prop_assert_eq!(map.unscored.len(), scores.len() - scored);
        }
    }
}
