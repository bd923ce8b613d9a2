using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Tenders;

namespace Placeshaper.Specifications;

/// <summary>A page about one of the organisation's specifications, for its officers; buyers change it until it is agreed.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public abstract class SpecificationPage(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    protected PlaceshaperDb Db => db;

    protected OrganisationContext Context => context;

    public string Slug => context.Slug;

    public Specification Specification { get; private set; } = null!;

    public string ProgrammeName { get; private set; } = "";

    public bool CanChange => context.Current.HasAny(TendersApi.Buyers) && !Specification.IsAgreed;

    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    public string Home => $"/o/{Slug}/specifications/{Specification.Id}";

    /// <summary>The organisation's active outcomes, by id, for choosing and showing.</summary>
    public IReadOnlyList<(Guid Id, string Statement)> ActiveOutcomes { get; private set; } = [];

    protected async Task<bool> LoadAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await SpecificationQueries.FindAsync(db, context.Id, specificationId, cancellationToken) is not { } specification)
        {
            return false;
        }

        Specification = specification;
        ProgrammeName = await db.Programmes.Where(p => p.Id == specification.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        ActiveOutcomes = await OutcomeChoicesAsync(db, context.Id, cancellationToken);
        return true;
    }

    public static async Task<IReadOnlyList<(Guid Id, string Statement)>> OutcomeChoicesAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        (await db.Outcomes.AsNoTracking().Where(o => o.OrganisationId == organisationId && o.RetiredAt == null)
            .Select(o => new { o.Id, o.Statement }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Statement, StringComparer.Ordinal).Select(o => (o.Id, o.Statement)).ToList();

    /// <summary>Not found for another organisation's specification; forbidden to change without the role; back to it once agreed.</summary>
    protected async Task<IActionResult?> RefuseChangeAsync(Guid specificationId, CancellationToken cancellationToken) =>
        !await LoadAsync(specificationId, cancellationToken) ? NotFound()
        : !context.Current.HasAny(TendersApi.Buyers) ? StatusCode(StatusCodes.Status403Forbidden)
        : Specification.IsAgreed ? Redirect(Home)
        : null;

    protected async Task<IActionResult> SaveOrShowAsync(Common.Errors? errors, string then, CancellationToken cancellationToken, Func<string, string>? fieldId = null)
    {
        if (errors is { Any: true } || HasErrors)
        {
            AddErrors(errors ?? new Common.Errors(), fieldId);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect(then);
    }

    public static string Describe(PaymentMechanism? mechanism) => mechanism switch
    {
        PaymentMechanism.FixedPrice => "Fixed price (block)",
        PaymentMechanism.CostAndVolume => "Cost and volume",
        PaymentMechanism.PaymentByResults => "Payment by results",
        PaymentMechanism.SocialImpactBond => "Social impact bond",
        PaymentMechanism.GainShare => "Gain-share",
        _ => "Not chosen yet",
    };

    public static string Months(int months) => months % 12 == 0
        ? $"{months} months ({months / 12} year{(months == 12 ? "" : "s")})"
        : $"{months} months";
}
