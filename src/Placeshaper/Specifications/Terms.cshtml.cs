using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Specifications;

/// <summary>The contract's length and extension options, its lots (or why none), and how the provider is paid.</summary>
public sealed class TermsModel(OrganisationContext context, PlaceshaperDb db) : SpecificationPage(context, db)
{
    public const int ExtensionRows = 4;
    public const int LotRows = 6;

    public sealed class LotRow
    {
        public string? Title { get; set; }

        public string? Share { get; set; }
    }

    [BindProperty]
    public string? ContractMonths { get; set; }

    [BindProperty]
    public List<string?> Extensions { get; set; } = [];

    [BindProperty]
    public List<LotRow> Lots { get; set; } = [];

    [BindProperty]
    public string? NoLotsReason { get; set; }

    [BindProperty]
    public string? PaymentMechanism { get; set; }

    [BindProperty]
    public string? OutcomeShare { get; set; }

    [BindProperty]
    public bool ServiceCredits { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        ContractMonths = Specification.ContractMonths?.ToString(CultureInfo.InvariantCulture);
        Extensions = Specification.Extensions.OrderBy(e => e.Number).Select(e => (string?)e.Months.ToString(CultureInfo.InvariantCulture)).ToList();
        Lots = Specification.Lots.OrderBy(l => l.Number).Select(l => new LotRow { Title = l.Title, Share = ShowModel.Figure(l.SharePercent) }).ToList();
        NoLotsReason = Specification.NoLotsReason;
        PaymentMechanism = Specification.PaymentMechanism?.ToString();
        OutcomeShare = Specification.OutcomeSharePercent is { } share ? ShowModel.Figure(share) : null;
        ServiceCredits = Specification.ServiceCredits;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var months = Whole("contractMonths", ContractMonths, "Enter the contract length as a whole number of months, like 60");
        var extensionRows = Extensions.Select((e, i) => (e, i)).Where(x => !string.IsNullOrWhiteSpace(x.e)).ToList();
        var extensions = extensionRows.Select(x => Whole($"extension-{x.i}", x.e, "Enter the extension as a whole number of months, like 12") ?? 0).ToList();
        var lotRows = Lots.Select((l, i) => (l, i)).Where(x => !string.IsNullOrWhiteSpace(x.l.Title) || !string.IsNullOrWhiteSpace(x.l.Share)).ToList();
        var lots = lotRows.Select(x => (Specification.LotInput?)new Specification.LotInput(
            x.l.Title, Number($"lot-{x.i}-share", x.l.Share?.Trim().TrimEnd('%'), "Enter the lot's share as a percentage, like 50"))).ToList();
        var mechanism = Enum.TryParse<PaymentMechanism>(PaymentMechanism, out var chosen) && Enum.IsDefined(chosen) ? chosen : (PaymentMechanism?)null;
        var share = mechanism == Specifications.PaymentMechanism.PaymentByResults
            ? Number("outcomeShare", OutcomeShare?.Trim().TrimEnd('%'), "Enter the outcome share as a percentage, like 20")
            : null;

        var term = Specification.SetTerm(months, extensions);
        var lotErrors = Specification.SetLots(lots, NoLotsReason, Now);
        var payment = Specification.ChoosePayment(mechanism, share, ServiceCredits);
        Pad();
        var errors = new Common.Errors();
        foreach (var part in new[] { term, lotErrors, payment })
        {
            foreach (var (field, messages) in part?.ByField ?? [])
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        return await SaveOrShowAsync(errors, Home + "#terms", cancellationToken, field => FieldId(field, extensionRows.Select(x => x.i).ToList(), lotRows.Select(x => x.i).ToList()));
    }

    /// <summary>The domain counts the extensions and lots filled in; the page's rows include blank ones between them.</summary>
    private static string FieldId(string field, List<int> extensionRows, List<int> lotRows)
    {
        static int Index(string f) => int.Parse(f[(f.IndexOf('[', StringComparison.Ordinal) + 1)..f.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        return field switch
        {
            _ when field.StartsWith("extensions[", StringComparison.Ordinal) => $"extension-{extensionRows[Index(field)]}",
            "extensions" => "extension-0",
            _ when field.StartsWith("lots[", StringComparison.Ordinal) => $"lot-{lotRows[Index(field)]}-{(field.EndsWith("title", StringComparison.Ordinal) ? "title" : "share")}",
            "lots" => $"lot-{(lotRows.Count > 0 ? lotRows[0] : 0)}-title",
            "specification" => "contractMonths",
            _ => field,
        };
    }

    private int? Whole(string field, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        AddError(field, message);
        return null;
    }

    private void Pad()
    {
        while (Extensions.Count < ExtensionRows)
        {
            Extensions.Add(null);
        }

        while (Lots.Count < LotRows)
        {
            Lots.Add(new LotRow());
        }
    }
}
