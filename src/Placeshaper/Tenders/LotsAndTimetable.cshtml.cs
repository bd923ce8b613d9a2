using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Tenders;

public sealed class LotsAndTimetableModel(OrganisationContext context, PlaceshaperDb db, Timetable.TimetableCheck timetable) : TenderPage(context, db)
{
    /// <summary>The saved timetable against the minimum periods loaded (s.54): warnings, not errors.</summary>
    public IReadOnlyList<string> TimetableWarnings { get; private set; } = [];

    public const int LotRows = 6;

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public sealed class LotRow
    {
        public string? Title { get; set; }

        public string? Value { get; set; }
    }

    [BindProperty]
    public List<LotRow> Lots { get; set; } = [];

    [BindProperty]
    public string? NoLotsReason { get; set; }

    [BindProperty]
    public bool SuitableForSme { get; set; }

    [BindProperty]
    public bool SuitableForVcse { get; set; }

    [BindProperty]
    public DateInput ClarificationDate { get; set; } = new();

    [BindProperty]
    public string? ClarificationTime { get; set; }

    [BindProperty]
    public DateInput SubmissionDate { get; set; } = new();

    [BindProperty]
    public string? SubmissionTime { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Lots = Tender.Lots.OrderBy(l => l.Number).Select(l => new LotRow { Title = l.Title, Value = l.EstimatedValue.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        NoLotsReason = Tender.NoLotsReason;
        SuitableForSme = Tender.SuitableForSme;
        SuitableForVcse = Tender.SuitableForVcse;
        (ClarificationDate, ClarificationTime) = Split(Tender.ClarificationDeadline);
        (SubmissionDate, SubmissionTime) = Split(Tender.SubmissionDeadline);
        TimetableWarnings = await timetable.WarningsAsync(Tender, Now, cancellationToken);
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var filled = Lots.Select((l, i) => (l, i)).Where(x => !string.IsNullOrWhiteSpace(x.l.Title) || !string.IsNullOrWhiteSpace(x.l.Value)).ToList();
        var lots = filled.Select(x => (x.l.Title, Value: Money.TryParse(x.l.Value, out var v) ? v : (decimal?)null)).ToList();
        var lotErrors = Tender.SetLots(lots, NoLotsReason, SuitableForSme, SuitableForVcse, Now);
        var clarification = Moment("clarificationDeadline", ClarificationDate, ClarificationTime, required: false);
        var submission = Moment("submissionDeadline", SubmissionDate, SubmissionTime, required: true);
        var timetableErrors = HasErrors ? null : Tender.SetTimetable(clarification, submission, Now);
        Pad();
        if (lotErrors is not null)
        {
            // The domain counts the lots filled in; the page's rows include blank ones between them.
            AddErrors(lotErrors, f => f.StartsWith("lots[", StringComparison.Ordinal)
                ? $"lot-{filled[int.Parse(f[5..f.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)].i}-{(f.EndsWith("title", StringComparison.Ordinal) ? "title" : "value")}"
                : f == "lots" ? $"lot-{(filled.Count > 0 ? filled[0].i : 0)}-title" : f == "tender" ? "noLotsReason" : f);
        }

        return await SaveOrShowAsync(timetableErrors, Home + "#lots", cancellationToken);
    }

    /// <summary>A date and a 24-hour time typed in UK time, as bidders read deadlines, stored in UTC.</summary>
    private DateTime? Moment(string field, DateInput date, string? time, bool required)
    {
        if (date.IsEmpty && string.IsNullOrWhiteSpace(time))
        {
            if (required)
            {
                AddError(field, "Enter the date and time");
            }

            return null;
        }

        if (date.Value is not { } day || !TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at))
        {
            AddError(field, "Enter a real date and a time in 24-hour form, like 27 3 2027 and 12:00");
            return null;
        }

        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        if (UkTime.IsInvalidTime(local))
        {
            AddError(field, "That time does not exist in the UK that day, because the clocks go forward: choose another time");
            return null;
        }

        // In the hour that happens twice when the clocks go back, the deadline is the later (GMT) one: bidders get longer.
        return TimeZoneInfo.ConvertTimeToUtc(local, UkTime);
    }

    private static (DateInput Date, string? Time) Split(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return (new DateInput(), null);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), UkTime);
        return (DateInput.From(DateOnly.FromDateTime(local)), local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Pad()
    {
        while (Lots.Count < LotRows)
        {
            Lots.Add(new LotRow());
        }
    }
}
