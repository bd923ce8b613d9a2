using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;

namespace Placeshaper.Market;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public DateInput HeldOn { get; set; } = new();

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Format { get; set; }

    [BindProperty]
    public string? Providers { get; set; }

    [BindProperty]
    public string? SmallOrVoluntary { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Challenger { get; set; }

    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public DateInput ReceivedOn { get; set; } = new();

    public string Slug => context.Slug;

    public Programme Programme { get; private set; } = null!;

    public MarketApi.MarketView Market { get; private set; } = null!;

    public bool CanRecord => context.Current.HasAny(MarketApi.Recorders);

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(Guid programmeId, string? table, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        return table == "challenges"
            ? new Exports.Table("rights to challenge", ["received_on", "challenger", "service", "status", "decided_on", "reasons"],
                Market.RightsToChallenge.Select(c => (IReadOnlyList<object?>)[c.ReceivedOn, c.Challenger, c.Service, Describe(c.Status), c.DecidedOn, c.Reasons]).ToList()).ToFile(format)
            : new Exports.Table("market engagement", ["held_on", "title", "format", "providers", "small_or_voluntary_providers", "summary"],
                Market.Engagement.Select(e => (IReadOnlyList<object?>)[e.HeldOn, e.Title, Describe(e.Format), e.Providers, e.SmallOrVoluntaryProviders, e.Summary]).ToList()).ToFile(format);
    }

    public async Task<IActionResult> OnPostEngagementAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        EngagementFormat? format = Enum.TryParse<EngagementFormat>(Format, out var f) && Enum.IsDefined(f) ? f : null;
        var recorded = EngagementEvent.Record(Programme, Date("heldOn", HeldOn, "Enter a real date, like 27 3 2026"), Title, format, Count("providers", Providers), Count("smallOrVoluntaryProviders", SmallOrVoluntary), Summary, db.Clock.GetUtcNow().UtcDateTime);
        if (!recorded.Succeeded || HasErrors)
        {
            AddErrors(recorded.Errors ?? new Common.Errors());
            return Page();
        }

        db.EngagementEvents.Add(recorded.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/programmes/{programmeId}/market#engagement");
    }

    public async Task<IActionResult> OnPostChallengeAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var received = RightToChallenge.Receive(Programme, Challenger, Service, Date("receivedOn", ReceivedOn, "Enter a real date, like 27 3 2026"), db.Clock.GetUtcNow().UtcDateTime);
        if (!received.Succeeded || HasErrors)
        {
            AddErrors(received.Errors ?? new Common.Errors());
            return Page();
        }

        db.RightsToChallenge.Add(received.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/programmes/{programmeId}/market#challenges");
    }

    public static string Describe(EngagementFormat format) => format switch
    {
        EngagementFormat.OneToOne => "One-to-one conversations",
        EngagementFormat.RequestForInformation => "Request for information",
        _ => format.ToString(),
    };

    public static string Describe(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Received => "Awaiting decision",
        ChallengeStatus.AcceptedWithModifications => "Accepted with modifications",
        _ => status.ToString(),
    };

    private int? Count(string field, string? text)
    {
        if (int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        AddError(field, "Enter a whole number, 0 or more");
        return 0;
    }

    private async Task<bool> LoadAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken) is not { } programme)
        {
            return false;
        }

        Programme = programme;
        Market = await MarketApi.ViewAsync(db, programmeId, cancellationToken);
        return true;
    }
}
