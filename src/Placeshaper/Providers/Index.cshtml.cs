using Microsoft.AspNetCore.Mvc;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Providers;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public const int PageSize = 50;

    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(ProviderAccess.Editors);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sme { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Vcse { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Local { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Form { get; set; }

    public Paged<ProviderQueries.Listed> Providers { get; private set; } = new([], 1, PageSize, 0);

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Sme || Vcse || Local || FormFilter is not null;

    private LegalForm? FormFilter => Enum.TryParse<LegalForm>(Form, out var form) && !int.TryParse(Form, out _) ? form : null;

    /// <summary>The query string of the current filters, for links to other pages and downloads.</summary>
    public string FilterQuery(int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        }

        if (Sme)
        {
            parts.Add("sme=true");
        }

        if (Vcse)
        {
            parts.Add("vcse=true");
        }

        if (Local)
        {
            parts.Add("local=true");
        }

        if (FormFilter is { } form)
        {
            parts.Add("form=" + form);
        }

        if (page is { } number)
        {
            parts.Add("page=" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join("&", parts);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var register = await ProviderQueries.RegisterAsync(db, context.Id, Filter(), cancellationToken);
        var last = Math.Max(1, (register.Count + PageSize - 1) / PageSize);
        // Read from the query string itself: Razor Pages keeps a route value called "page" (the page's path), which model binding would find first.
        var asked = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 1;
        var page = Math.Clamp(asked, 1, last);
        Providers = new Paged<ProviderQueries.Listed>(register.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, register.Count);
        Ratings = await Reviews.ReviewQueries.SummariesAsync(db, context.Id, cancellationToken);
    }

    /// <summary>Residents' ratings of the providers that have published reviews.</summary>
    public IReadOnlyDictionary<Guid, Reviews.RatingSummary> Ratings { get; private set; } = new Dictionary<Guid, Reviews.RatingSummary>();

    /// <summary>The register as filtered, every page, in Placeshaper's provider CSV (which imports back) or as a workbook.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var register = await ProviderQueries.RegisterAsync(db, context.Id, Filter(), cancellationToken);
        static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };
        return new Exports.Table(
                "providers",
                [.. ImportProviders.Columns, .. ImportProviders.WorkedOutColumns],
                register.Select(p => (IReadOnlyList<object?>)
                [
                    p.Name, p.LegalForm?.Code(), p.CompanyNumber, p.CharityNumber, p.VatNumber, p.RegisteredPostcode, p.TradingPostcode,
                    p.Staff, p.Turnover, p.BalanceSheetTotal, YesNo(p.IsVcse), YesNo(p.IsConsortium), string.Join("; ", p.SicCodes),
                    YesNo(p.Size.IsSme), p.Size.Band.ToString().ToLowerInvariant(), YesNo(p.Locality.IsLocal),
                ]).ToList())
            .ToFile(format);
    }

    private ProviderQueries.Filter Filter() =>
        new(Q, Sme ? true : null, Vcse ? true : null, Local ? true : null, FormFilter);
}
