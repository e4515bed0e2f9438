//! Holidays as news names them, fixed ("Christmas Day") and movable ("Easter",
//! "Thanksgiving"), computed for any year.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A holiday with a date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ChristmasEve,
    Christmas,
    BoxingDay,
    Epiphany,
    ValentinesDay,
    StPatricksDay,
    AprilFools,
    MayDay,
    Juneteenth,
    IndependenceDay,
    BastilleDay,
    Halloween,
    AllSaints,
    VeteransDay,
    ArmisticeDay,
    GuyFawkes,
    AshWednesday,
    GoodFriday,
    HolySaturday,
    Easter,
    EasterMonday,
    AscensionDay,
    Pentecost,
    MartinLutherKingDay,
    PresidentsDay,
    MothersDay,
    MemorialDay,
    FathersDay,
    LaborDay,
    ColumbusDay,
    Thanksgiving,
    BlackFriday,
    CyberMonday,
}

impl Holiday {
    /// The holiday's day in `year`; `None` when out of chrono's range.
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        use Holiday::*;
        let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        let easter = |offset: i64| easter_sunday(year).map(|e| e + Duration::days(offset));
        match self {
            NewYearsDay => fixed(1, 1),
            NewYearsEve => fixed(12, 31),
            ChristmasEve => fixed(12, 24),
            Christmas => fixed(12, 25),
            BoxingDay => fixed(12, 26),
            Epiphany => fixed(1, 6),
            ValentinesDay => fixed(2, 14),
            StPatricksDay => fixed(3, 17),
            AprilFools => fixed(4, 1),
            MayDay => fixed(5, 1),
            Juneteenth => fixed(6, 19),
            IndependenceDay => fixed(7, 4),
            BastilleDay => fixed(7, 14),
            Halloween => fixed(10, 31),
            AllSaints => fixed(11, 1),
            VeteransDay | ArmisticeDay => fixed(11, 11),
            GuyFawkes => fixed(11, 5),
            AshWednesday => easter(-46),
            GoodFriday => easter(-2),
            HolySaturday => easter(-1),
            Easter => easter(0),
            EasterMonday => easter(1),
            AscensionDay => easter(39),
            Pentecost => easter(49),
            MartinLutherKingDay => nth_weekday(year, 1, Weekday::Mon, 3),
            PresidentsDay => nth_weekday(year, 2, Weekday::Mon, 3),
            MothersDay => nth_weekday(year, 5, Weekday::Sun, 2),
            MemorialDay => nth_weekday(year, 5, Weekday::Mon, -1),
            FathersDay => nth_weekday(year, 6, Weekday::Sun, 3),
            LaborDay => nth_weekday(year, 9, Weekday::Mon, 1),
            ColumbusDay => nth_weekday(year, 10, Weekday::Mon, 2),
            Thanksgiving => nth_weekday(year, 11, Weekday::Thu, 4),
            BlackFriday => nth_weekday(year, 11, Weekday::Thu, 4).map(|d| d + Duration::days(1)),
            CyberMonday => nth_weekday(year, 11, Weekday::Thu, 4).map(|d| d + Duration::days(4)),
        }
    }
}

/// Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The `n`th `weekday` of a month (`n` from 1; -1 for the last); `None` when the month has no
/// such day (a fifth Monday).
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: i32) -> Option<NaiveDate> {
    if n < 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
        return Some(last - Duration::days(i64::from(back)));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let ahead = (weekday.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7;
    let d = first + Duration::days(i64::from(ahead) + 7 * i64::from(n - 1));
    (d.month() == month).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn movable_feasts() {
        assert_eq!(easter_sunday(2024), Some(ymd(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(ymd(2025, 4, 20)));
        assert_eq!(easter_sunday(2038), Some(ymd(2038, 4, 25)));
        assert_eq!(Holiday::GoodFriday.date(2025), Some(ymd(2025, 4, 18)));
        assert_eq!(Holiday::Thanksgiving.date(2025), Some(ymd(2025, 11, 27)));
        assert_eq!(Holiday::MemorialDay.date(2025), Some(ymd(2025, 5, 26)));
        assert_eq!(Holiday::LaborDay.date(2026), Some(ymd(2026, 9, 7)));
        assert_eq!(
            nth_weekday(2025, 3, Weekday::Mon, 5),
            Some(ymd(2025, 3, 31))
        );
        assert_eq!(nth_weekday(2025, 2, Weekday::Mon, 5), None);
    }
}
