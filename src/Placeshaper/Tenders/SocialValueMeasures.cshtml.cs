using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.SocialValue;

namespace Placeshaper.Tenders;

/// <summary>Which social value measures a draft tender offers bidders to commit against.</summary>
public sealed class SocialValueMeasuresModel(OrganisationContext context, PlaceshaperDb db) : TenderPage(context, db)
{
    private readonly OrganisationContext organisation = context;

    public IReadOnlyList<MeasureOption> Options { get; private set; } = [];

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Options = await SocialValueQueries.OptionsAsync(Db, organisation.Id, cancellationToken);
        Chosen = Tender.SocialValueMeasures.Select(m => m.Code).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Options = await SocialValueQueries.OptionsAsync(Db, organisation.Id, cancellationToken);
        var (chosen, errors) = await SocialValueApi.ResolveAsync(Db, organisation.Id, Chosen.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken);
        return await SaveOrShowAsync(errors.Any ? errors : Tender.OfferSocialValueMeasures(chosen, Now), Home + "#social-value-measures", cancellationToken, _ => "measures");
    }
}
