using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Portal;

/// <summary>The bid form: prices, answers, social value commitments and documents, sealed on submission.</summary>
[RequiresRole(Role.Provider)]
[RequestSizeLimit(BidViews.MaxBidRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = BidViews.MaxBidRequestBytes)]
public sealed class BidModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, SubmitBid submit) : FormPage
{
    /// <summary>Rows offered for commitments; empty rows are ignored.</summary>
    public const int CommitmentRows = 3;

    public string Slug => context.Slug;

    public Tenders.Tender Tender { get; private set; } = null!;

    [BindProperty]
    public Dictionary<Guid, string?> Prices { get; set; } = [];

    [BindProperty]
    public string? WholePrice { get; set; }

    [BindProperty]
    public Dictionary<Guid, string?> Answers { get; set; } = [];

    [BindProperty]
    public List<CommitmentRow> Commitments { get; set; } = [];

    [BindProperty]
    public List<IFormFile> Documents { get; set; } = [];

    public sealed class CommitmentRow
    {
        public Guid? QuestionId { get; set; }

        public string? Measure { get; set; }

        public string? Quantity { get; set; }

        public string? Unit { get; set; }

        /// <summary>One of the tender's social value measures, or empty for a commitment in the bidder's own words.</summary>
        public string? MeasureCode { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Measure) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(MeasureCode);
    }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Commitments = Enumerable.Range(0, CommitmentRows).Select(_ => new CommitmentRow()).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        while (Commitments.Count < CommitmentRows)
        {
            Commitments.Add(new CommitmentRow());
        }

        var prices = Tender.Lots.Count == 0
            ? [new BidContent.LotPrice(null, Number("price-whole", WholePrice, "Enter the price as a number, like 380000") ?? 0)]
            : Tender.Lots.OrderBy(l => l.Number)
                .Where(l => !string.IsNullOrWhiteSpace(Prices.GetValueOrDefault(l.Id)))
                .Select(l => new BidContent.LotPrice(l.Id, Number($"price-{l.Id}", Prices[l.Id], "Enter the price as a number, like 380000") ?? 0))
                .ToList();
        var commitmentRows = Commitments.Select((c, i) => (c, i)).Where(x => !x.c.IsEmpty).ToList();
        var commitments = commitmentRows.Select(x => new BidContent.CommitmentInput(
            x.c.QuestionId, x.c.Measure, Number($"commitment-{x.i}-quantity", x.c.Quantity, "Enter how many or how much as a number"), x.c.Unit, x.c.MeasureCode)).ToList();
        var documents = new List<BidContent.DocumentInput?>();
        foreach (var file in Documents.Where(f => f.Length > 0).Take(BidContent.MaxDocuments + 1))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            documents.Add(new BidContent.DocumentInput(file.FileName, buffer.ToArray()));
        }

        if (HasErrors)
        {
            return Page();
        }

        var input = new BidContent.Input(
            prices,
            Tender.Questions.OrderBy(q => q.Order).Select(q => (BidContent.AnswerInput?)new BidContent.AnswerInput(q.Id, Answers.GetValueOrDefault(q.Id))).ToList(),
            commitments,
            documents);
        var outcome = await submit.SubmitAsync(Tender, context.Current.ProviderId!.Value, viewer.PersonId!.Value, input, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("prices", refusal);
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, field => FieldId(field, commitmentRows.Select(x => x.i).ToList()));
            return Page();
        }

        return Redirect($"/o/{Slug}/portal/tenders/{Tender.Id}");
    }

    /// <summary>Takes an error from the bid's rules to the input it is about, so the summary links to the right place.</summary>
    private string FieldId(string field, List<int> commitmentRows)
    {
        var ordered = Tender.Questions.OrderBy(q => q.Order).ToList();
        var lots = Tender.Lots.OrderBy(l => l.Number).Where(l => !string.IsNullOrWhiteSpace(Prices.GetValueOrDefault(l.Id))).ToList();
        var at = Index(field);
        return field switch
        {
            _ when field.StartsWith("answers.", StringComparison.Ordinal) => "answer-" + field["answers.".Length..],
            _ when field.StartsWith("answers[", StringComparison.Ordinal) && at < ordered.Count => $"answer-{ordered[at].Id}",
            _ when field.StartsWith("prices[", StringComparison.Ordinal) => Tender.Lots.Count == 0 ? "price-whole" : at < lots.Count ? $"price-{lots[at].Id}" : "prices",
            "prices" => Tender.Lots.Count == 0 ? "price-whole" : $"price-{Tender.Lots.OrderBy(l => l.Number).First().Id}",
            _ when field.StartsWith("commitments[", StringComparison.Ordinal) && at < commitmentRows.Count =>
                $"commitment-{commitmentRows[at]}-{field[(field.LastIndexOf('.') + 1)..].Replace("questionId", "question", StringComparison.Ordinal)}",
            _ when field.StartsWith("documents", StringComparison.Ordinal) => "documents",
            _ => field,
        };
    }

    private static int Index(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), out var i) ? i : int.MaxValue;
    }

    private async Task<IActionResult?> LoadAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, context.Id, tenderId, cancellationToken) is not { } tender)
        {
            return NotFound();
        }

        Tender = tender;
        return tender.IsOpenForBids(db.Clock.GetUtcNow().UtcDateTime) || HttpMethods.IsPost(Request.Method) ? null : Redirect($"/o/{Slug}/portal/tenders/{tender.Id}");
    }
}
