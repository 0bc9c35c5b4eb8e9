//! Requests to open data (the route "request its opening"): the deadlines French law sets
//! once a request is sent. The letter itself is written in `export::letter`.

use time::{Date, Month};

use uuid::Uuid;

use super::{parse_date, Project, RoadmapAction, Route, WantedDataset};

/// What the law makes of silence after a request sent on `sent` (CRPA R311-13: no answer
/// within one month is a refusal; R343-1: two months from then to refer it to the CADA).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestDeadlines {
    pub sent: Date,
    /// From this day, silence counts as a refusal.
    pub refused_from: Date,
    /// The last day to refer a refusal by silence to the CADA.
    pub cada_until: Date,
}

impl RequestDeadlines {
    pub fn from_sent(sent: Date) -> Self {
        let refused_from = add_months(sent, 1);
        RequestDeadlines {
            sent,
            refused_from,
            cada_until: add_months(refused_from, 2),
        }
    }
}

impl RoadmapAction {
    /// Whether this action asks a producer to open data (and so has a letter to draft).
    pub fn is_request(&self) -> bool {
        self.route == Route::RequestOpening
    }

    /// The deadlines of a request that was sent; `None` before it is (or for other routes).
    pub fn request_deadlines(&self) -> Option<RequestDeadlines> {
        self.is_request()
            .then(|| parse_date(&self.request_sent))
            .flatten()
            .map(RequestDeadlines::from_sent)
    }

    pub fn follow_up_date(&self) -> Option<Date> {
        parse_date(&self.follow_up)
    }

    /// The follow-up to suggest once a request is sent and none is set: the day silence
    /// becomes a refusal.
    pub fn suggested_follow_up(&self) -> Option<Date> {
        match self.follow_up_date() {
            Some(_) => None,
            None => self.request_deadlines().map(|d| d.refused_from),
        }
    }
}

impl Project {
    /// The wanted dataset an action belongs to.
    pub fn dataset_of_action(&self, action: Uuid) -> Option<&WantedDataset> {
        self.wanted.iter().find(|d| d.action(action).is_some())
    }
}

/// `date` plus `months` calendar months, on the same day or the month's last (31 January
/// plus one month is 28 or 29 February).
pub fn add_months(date: Date, months: u32) -> Date {
    let index = date.month() as u32 - 1 + months;
    let year = date.year() + (index / 12) as i32;
    let month = Month::try_from((index % 12 + 1) as u8).expect("1 to 12");
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).expect("a day that exists")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::date;

    use super::*;

    #[test]
    fn silence_for_a_month_is_a_refusal_then_two_months_to_refer_it() {
        let deadlines = RequestDeadlines::from_sent(date!(2026 - 01 - 12));
        assert_eq!(deadlines.refused_from, date!(2026 - 02 - 12));
        assert_eq!(deadlines.cada_until, date!(2026 - 04 - 12));
        let end_of_month = RequestDeadlines::from_sent(date!(2027 - 01 - 31));
        assert_eq!(end_of_month.refused_from, date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
    }

    #[test]
    fn only_a_sent_request_has_deadlines_and_a_suggested_follow_up() {
        let mut action = RoadmapAction::new(Uuid::nil(), Route::RequestOpening);
        assert_eq!(action.request_deadlines(), None);
        action.request_sent = "2026-01-12".into();
        assert_eq!(action.suggested_follow_up(), Some(date!(2026 - 02 - 12)));
        action.follow_up = "2026-01-20".into();
        assert_eq!(action.suggested_follow_up(), None, "the holder's date wins");
        action.route = Route::Buy;
        assert_eq!(action.request_deadlines(), None);
        action.request_sent = "not a date".into();
        assert_eq!(action.request_deadlines(), None);
    }

    proptest! {
        #[test]
        fn a_month_later_is_later_and_in_the_next_month(days in 0i64..40_000, months in 0u32..30) {
            let date = date!(2000 - 01 - 01) + time::Duration::days(days);
            let later = add_months(date, months);
            prop_assert!(later >= date);
            let month_index = |d: Date| d.year() * 12 + d.month() as i32;
            prop_assert_eq!(month_index(later) - month_index(date), months as i32);
            prop_assert!(later.day() <= date.day());
        }
    }
}
