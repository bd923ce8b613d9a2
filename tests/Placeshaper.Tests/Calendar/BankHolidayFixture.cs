using Placeshaper.Calendar;

namespace Placeshaper.Tests.Calendar;

/// <summary>
/// A test fixture built by hand in the exact shape of GOV.UK's bank-holidays.json (division keys, "division",
/// "events" of title, date, notes and bunting), covering 2025-12 to 2026 for the three parts of the UK. It exercises
/// the import and the working-day rules; it is not shipped and is not the official list.
/// </summary>
public static class BankHolidayFixture
{
    public const string Json = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              {"title": "Christmas Day", "date": "2025-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2025-12-26", "notes": "", "bunting": true},
              {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
              {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
              {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
              {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
              {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
              {"title": "Summer bank holiday", "date": "2026-08-31", "notes": "", "bunting": true},
              {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [
              {"title": "Christmas Day", "date": "2025-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2025-12-26", "notes": "", "bunting": true},
              {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
              {"title": "2nd January", "date": "2026-01-02", "notes": "", "bunting": true},
              {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
              {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
              {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
              {"title": "Summer bank holiday", "date": "2026-08-03", "notes": "", "bunting": true},
              {"title": "St Andrew’s Day", "date": "2026-11-30", "notes": "", "bunting": true},
              {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
            ]
          },
          "northern-ireland": {
            "division": "northern-ireland",
            "events": [
              {"title": "Christmas Day", "date": "2025-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2025-12-26", "notes": "", "bunting": true},
              {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
              {"title": "St Patrick’s Day", "date": "2026-03-17", "notes": "", "bunting": true},
              {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
              {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
              {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
              {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
              {"title": "Battle of the Boyne (Orangemen’s Day)", "date": "2026-07-13", "notes": "Substitute day", "bunting": false},
              {"title": "Summer bank holiday", "date": "2026-08-31", "notes": "", "bunting": true},
              {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
            ]
          }
        }
        """;

    public const int Events = 33;

    public static readonly IReadOnlyList<HolidayDate> Dates = System.Text.Json.JsonDocument.Parse(Json).RootElement.EnumerateObject()
        .SelectMany(d => d.Value.GetProperty("events").EnumerateArray().Select(e => new HolidayDate(d.Name, DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture))))
        .ToList();
}
