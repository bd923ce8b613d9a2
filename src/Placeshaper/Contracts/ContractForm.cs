using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Shared;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

/// <summary>
/// The add and change forms' fields, as typed. Extension options are typed as months separated by commas; parties one
/// to a line. What the form does not show (the outcomes, the award) is kept from the contract as it was.
/// </summary>
public sealed class ContractForm
{
    public string? Reference { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? ProviderId { get; set; }

    public string? SupplierName { get; set; }

    public string? SupplierPostcode { get; set; }

    public string? TotalValue { get; set; }

    public string? AnnualValue { get; set; }

    public DateInput StartDate { get; set; } = new();

    public DateInput EndDate { get; set; } = new();

    public string? Extensions { get; set; }

    public string? ExtensionsTaken { get; set; }

    public DateInput BreakOn { get; set; } = new();

    public string? BreakNoticeMonths { get; set; }

    public string? ConsortiumMembers { get; set; }

    public string? Subcontractors { get; set; }

    public string? Procedure { get; set; }

    public string? ClassificationCode { get; set; }

    public string? ClassificationDescription { get; set; }

    public string? ProgrammeId { get; set; }

    public string? SpecificationId { get; set; }

    public string? TenderId { get; set; }

    public string? PaymentMechanism { get; set; }

    public string? Status { get; set; }

    public string? ExtensionDecisionMonths { get; set; }

    public DateInput ReviewDate { get; set; } = new();

    public string? KpiExemptionReason { get; set; }

    /// <summary>Goods, services or works: which of the Procurement Act 2023's modification limits applies (10% or 15%).</summary>
    public string? Nature { get; set; }

    /// <summary>The service category code (or "" for none), for benchmarking.</summary>
    public string? ServiceCategory { get; set; }

    public static ContractForm From(Contract c)
    {
        var firstBreak = c.BreakClauses.OrderBy(b => b.Number).FirstOrDefault();
        return new()
        {
            Reference = c.Reference,
            Title = c.Title,
            Description = c.Description,
            ProviderId = c.ProviderId?.ToString(),
            SupplierName = c.ProviderId is null ? c.SupplierName : null,
            SupplierPostcode = c.SupplierPostcode,
            TotalValue = c.TotalValue?.ToString("0.00", CultureInfo.InvariantCulture),
            AnnualValue = c.AnnualValue?.ToString("0.00", CultureInfo.InvariantCulture),
            StartDate = c.StartDate is { } start ? DateInput.From(start) : new(),
            EndDate = c.EndDate is { } end ? DateInput.From(end) : new(),
            Extensions = string.Join(", ", c.Extensions.OrderBy(e => e.Number).Select(e => e.Months.ToString(CultureInfo.InvariantCulture))),
            ExtensionsTaken = c.Extensions.Count(e => e.Taken).ToString(CultureInfo.InvariantCulture),
            BreakOn = firstBreak is null ? new() : DateInput.From(firstBreak.On),
            BreakNoticeMonths = firstBreak?.NoticeMonths.ToString(CultureInfo.InvariantCulture),
            ConsortiumMembers = string.Join("\n", c.Parties.Where(p => p.Role == PartyRole.ConsortiumMember).OrderBy(p => p.Number).Select(p => p.Name)),
            Subcontractors = string.Join("\n", c.Parties.Where(p => p.Role == PartyRole.KeySubcontractor).OrderBy(p => p.Number).Select(p => p.Name)),
            Procedure = c.Procedure,
            ClassificationCode = c.ClassificationCode,
            ClassificationDescription = c.ClassificationDescription,
            ProgrammeId = c.ProgrammeId?.ToString(),
            SpecificationId = c.SpecificationId?.ToString(),
            TenderId = c.TenderId?.ToString(),
            PaymentMechanism = c.PaymentMechanism?.ToString(),
            Nature = c.Nature.ToString(),
            Status = c.Status.ToString(),
            ExtensionDecisionMonths = c.ExtensionDecisionMonths.ToString(CultureInfo.InvariantCulture),
            ReviewDate = c.ReviewDate is { } review ? DateInput.From(review) : new(),
            KpiExemptionReason = c.KpiExemptionReason,
            ServiceCategory = c.ServiceCategory,
        };
    }

    /// <summary>The details typed, on top of <paramref name="kept"/> (what the form does not show); a field that cannot be read is reported through <paramref name="error"/>.</summary>
    public Contract.Details Read(Contract.Details? kept, Action<string, string> error)
    {
        decimal? Amount(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!Money.TryParse(text, out var pounds))
            {
                error(field, "Enter an amount in pounds, like 250000 or £1,250,000.50");
                return null;
            }

            return pounds;
        }

        int? Whole(string field, string? text, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                error(field, message);
                return null;
            }

            return value;
        }

        DateOnly? Date(string field, DateInput input)
        {
            if (!input.IsEmpty && input.Value is null)
            {
                error(field, "Enter a real date, like 27 3 2026");
            }

            return input.Value;
        }

        Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

        var months = new List<int>();
        foreach (var part in (Extensions ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                months.Add(m);
            }
            else
            {
                error("extensions", "Enter each extension option in months, separated by commas, like 12, 12");
            }
        }

        var taken = Whole("extensionsTaken", ExtensionsTaken, "Enter how many extension options have been taken, a whole number") ?? 0;
        if (taken > months.Count)
        {
            error("extensionsTaken", $"Only {months.Count} extension option{(months.Count == 1 ? " is" : "s are")} given");
        }

        var breakOn = Date("breakOn", BreakOn);
        var notice = Whole("breakNoticeMonths", BreakNoticeMonths, "Enter the notice in months, a whole number");
        var parties = Lines(ConsortiumMembers).Select(n => (Contract.PartyInput?)new Contract.PartyInput(n, PartyRole.ConsortiumMember))
            .Concat(Lines(Subcontractors).Select(n => (Contract.PartyInput?)new Contract.PartyInput(n, PartyRole.KeySubcontractor))).ToList();
        return new Contract.Details(
            Reference,
            Title,
            Description,
            Id(ProviderId),
            SupplierName,
            SupplierPostcode,
            kept?.SupplierCompanyNumber,
            Amount("totalValue", TotalValue),
            Amount("annualValue", AnnualValue),
            Date("startDate", StartDate),
            Date("endDate", EndDate),
            months.Select((m, i) => (Contract.ExtensionInput?)new Contract.ExtensionInput(m, i < taken)).ToList(),
            breakOn is null && notice is null ? [] : [new Contract.BreakClauseInput(breakOn, notice)],
            parties,
            Procedure,
            kept?.Advertised,
            kept?.Directorate,
            kept?.PurchasingBody,
            ClassificationCode,
            ClassificationDescription,
            Id(ProgrammeId),
            kept?.OutcomeIds,
            Id(SpecificationId),
            Id(TenderId),
            kept?.AwardDecisionId,
            Enum.TryParse<PaymentMechanism>(PaymentMechanism, out var mechanism) && !int.TryParse(PaymentMechanism, out _) ? mechanism : null,
            Enum.TryParse<ContractStatus>(Status, out var status) && !int.TryParse(Status, out _) ? status : null,
            Whole("extensionDecisionMonths", ExtensionDecisionMonths, "Enter the months before expiry, a whole number"),
            Date("reviewDate", ReviewDate),
            KpiExemptionReason,
            kept?.RecordedSme,
            Nature: Enum.TryParse<ContractNature>(Nature, out var nature) && !int.TryParse(Nature, out _) ? nature : kept?.Nature,
            ServiceCategory: ServiceCategory);
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The choices the form offers: the organisation's providers, programmes, specifications and tenders.</summary>
    public sealed record Choices(
        IReadOnlyList<(string Value, string Label)> Providers,
        IReadOnlyList<(string Value, string Label)> Programmes,
        IReadOnlyList<(string Value, string Label)> Specifications,
        IReadOnlyList<(string Value, string Label)> Tenders)
    {
        public static async Task<Choices> LoadAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
        {
            static List<(string, string)> With(IEnumerable<(string, string)> items, string none) => [("", none), .. items];
            var providers = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
            var programmes = await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == organisationId).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
            var specifications = await db.Specifications.AsNoTracking().Where(s => s.OrganisationId == organisationId).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken);
            var tenders = await db.Tenders.AsNoTracking().Where(t => t.OrganisationId == organisationId).Select(t => new { t.Id, t.Reference, t.Title }).ToListAsync(cancellationToken);
            return new(
                With(providers.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id.ToString(), p.Name)), "Not in the provider register"),
                With(programmes.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id.ToString(), p.Name)), "None"),
                With(specifications.OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase).Select(s => (s.Id.ToString(), s.Title)), "None"),
                With(tenders.OrderBy(t => t.Reference, StringComparer.Ordinal).Select(t => (t.Id.ToString(), $"{t.Reference} {t.Title}")), "None"));
        }
    }
}
