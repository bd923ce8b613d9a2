using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Specifications;

public sealed class DescribeModel(OrganisationContext context, PlaceshaperDb db) : SpecificationPage(context, db)
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public List<Guid> OutcomeIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        (Title, Purpose, OutcomeIds) = (Specification.Title, Specification.Purpose, Specification.Outcomes.Select(o => o.OutcomeId).ToList());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var errors = Specification.Describe(Title, Purpose, OutcomeIds, ActiveOutcomes.Select(o => o.Id).ToHashSet());
        return await SaveOrShowAsync(errors, Home + "#outcomes", cancellationToken, f => f == "outcomeIds" ? "outcomes" : f);
    }
}
