//! From the data map to the roadmap: the route the map suggests for each dataset, and the
//! order the roadmap takes (the high-value, available quadrant first).

use super::{Project, Quadrant, Route, WantedDataset};

/// Why a route is suggested, or why none is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteReason {
    /// Not on the map yet: its value or availability is missing.
    NotScored,
    /// Value 1 or 2: not a priority for the roadmap.
    NotAPriority,
    /// Critical and available: make sure it keeps coming.
    CriticalAndAvailable,
    /// Essential and available as it is.
    Available,
    /// High value, available but not at the detail or quality needed.
    NotGoodEnough,
    /// High value, to be had with time and investment: request it, or partner.
    WithInvestment,
    /// High value, cannot easily be had: collect it, or buy it.
    Unobtainable,
}

/// The route the map suggests, with its reason; the holder's choice always wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteAdvice {
    pub route: Option<Route>,
    pub reason: RouteReason,
}

impl WantedDataset {
    pub fn route_advice(&self) -> RouteAdvice {
        let advice = |route, reason| RouteAdvice {
            route: Some(route),
            reason,
        };
        let Some(place) = self.map_place() else {
            return RouteAdvice {
                route: None,
                reason: RouteReason::NotScored,
            };
        };
        match (place.value, place.availability) {
            (..=2, _) => RouteAdvice {
                route: None,
                reason: RouteReason::NotAPriority,
            },
            (4, 4) => advice(Route::Secure, RouteReason::CriticalAndAvailable),
            (_, 4) => advice(Route::ReuseAsIs, RouteReason::Available),
            (_, 3) => advice(Route::Augment, RouteReason::NotGoodEnough),
            (_, 2) => advice(Route::RequestOpening, RouteReason::WithInvestment),
            _ => advice(Route::Collect, RouteReason::Unobtainable),
        }
    }

    /// Where the dataset comes in the roadmap: by quadrant, the unscored last.
    fn roadmap_rank(&self) -> usize {
        self.map_place()
            .map_or(Quadrant::ALL.len(), |place| place.quadrant() as usize)
    }
}

impl Project {
    /// The datasets still pursued, in the roadmap's order: the high-value, available
    /// quadrant first, then high value hard to get, then low value; the list order within.
    pub fn roadmap_order(&self) -> Vec<&WantedDataset> {
        let mut datasets: Vec<&WantedDataset> = self.active_wanted().collect();
        datasets.sort_by_key(|d| d.roadmap_rank());
        datasets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, Value, WantedStatus};
    use uuid::Uuid;

    fn scored(n: u128, value: u8, availability: u8) -> WantedDataset {
        let mut d = WantedDataset::new(Uuid::from_u128(n));
        if value > 0 {
            d.value = Value::from_number(value);
        }
        d.availability = Availability::from_number(availability);
        d
    }

    #[test]
    fn the_map_suggests_a_route_with_its_reason() {
        let route = |v, a| scored(1, v, a).route_advice();
        assert_eq!(route(0, 4).reason, RouteReason::NotScored);
        assert_eq!(
            route(2, 4),
            RouteAdvice {
                route: None,
                reason: RouteReason::NotAPriority
            }
        );
        assert_eq!(route(4, 4).route, Some(Route::Secure));
        assert_eq!(route(3, 4).route, Some(Route::ReuseAsIs));
        assert_eq!(route(4, 3).route, Some(Route::Augment));
        assert_eq!(route(3, 2).route, Some(Route::RequestOpening));
        assert_eq!(route(4, 1).route, Some(Route::Collect));
    }

    #[test]
    fn the_roadmap_starts_with_the_high_value_available_quadrant() {
        let mut project = Project::new(Uuid::nil(), "P", 0);
        project.wanted = vec![
            scored(1, 1, 1),
            scored(2, 0, 0),
            scored(3, 4, 1),
            scored(4, 3, 4),
            scored(5, 2, 4),
            scored(6, 4, 3),
        ];
        project.wanted[5].status = WantedStatus::Dropped;
        let order: Vec<u128> = project
            .roadmap_order()
            .iter()
            .map(|d| d.id.as_u128())
            .collect();
        assert_eq!(order, [4, 3, 5, 1, 2]);
    }
}
