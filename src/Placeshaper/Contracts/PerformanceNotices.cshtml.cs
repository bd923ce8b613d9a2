using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Common;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

/// <summary>
/// A contract's performance notices (Procurement Act 2023 s.71(2)): the ones published, when the next assessment is
/// due, and the form to publish one, each KPI's rating suggested from its latest approved value in the period.
/// </summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class PerformanceNoticesModel(OrganisationContext context, PlaceshaperDb db, ContractDelivery delivery, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(ContractAccess.Editors);

    public Contract Contract { get; private set; } = null!;

    public IReadOnlyList<PerformanceNotice> Notices { get; private set; } = [];

    public DateOnly? NextDue { get; private set; }

    /// <summary>The day the contract ended, while the assessment due on termination is not published.</summary>
    public DateOnly? TerminationDue { get; private set; }

    public DateOnly Today => db.Clock.GetUtcNow().UtcDateTime.UkDate();

    public IReadOnlyDictionary<Guid, string> Suggested { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public DateInput PeriodStart { get; set; } = new();

    [BindProperty]
    public DateInput PeriodEnd { get; set; } = new();

    [BindProperty]
    public List<string?> Rating { get; set; } = [];

    [BindProperty]
    public List<string?> Comment { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var from = Notices.Count > 0 ? Notices[0].PeriodEnd.AddDays(1) : Contract.StartDate ?? Today.AddYears(-1);
        var to = from.AddYears(1).AddDays(-1) < Today ? from.AddYears(1).AddDays(-1) : Today.AddDays(-1);
        if (TerminationDue is { } ended && ended < to)
        {
            // The assessment on termination runs to the day the contract ended.
            to = ended;
            from = from <= ended.AddYears(-1) ? ended.AddYears(-1).AddDays(1) : from;
        }

        (PeriodStart, PeriodEnd) = (DateInput.From(from), DateInput.From(to < from ? from : to));
        Suggested = PerformanceNotice.Suggested(Contract, await DeliveryQueries.ObservationsAsync(db, contractId, cancellationToken), from, to);
        Rating = Contract.Kpis.OrderBy(k => k.Number).Select(k => Suggested.GetValueOrDefault(k.Id)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken) || !CanChange)
        {
            return NotFound();
        }

        var from = Date("periodStart", PeriodStart, "Enter the first day of the period, for example 1 4 2026");
        var to = Date("periodEnd", PeriodEnd, "Enter the last day of the period, for example 31 3 2027");
        if (HasErrors)
        {
            return Page();
        }

        var kpis = Contract.Kpis.OrderBy(k => k.Number).ToList();
        var ratings = kpis.Select((k, i) => (PerformanceNotice.RatingInput?)new PerformanceNotice.RatingInput(k.Id, i < Rating.Count ? Rating[i] : null, i < Comment.Count ? Comment[i] : null)).ToList();
        var published = await delivery.PublishNoticeAsync(Contract, new PerformanceNotice.Input(from, to, ratings), viewer.PersonId, cancellationToken);
        if (!published.Succeeded)
        {
            AddErrors(published.Errors!, field => field.StartsWith("ratings[", StringComparison.Ordinal)
                ? (field.EndsWith(".comment", StringComparison.Ordinal) ? "comment-" : "rating-") + (int.Parse(field[8..field.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) + 1)
                : field);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}/performance-notices#notices");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        Notices = await PerformanceNoticesApi.NoticesAsync(db, contractId, cancellationToken);
        NextDue = PerformanceNotice.NextDue(contract, Notices);
        TerminationDue = PerformanceNotice.TerminationAssessmentDue(contract, Notices, Today);
        return true;
    }
}
