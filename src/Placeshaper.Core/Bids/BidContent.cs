using Placeshaper.Tenders;

namespace Placeshaper.Bids;

/// <summary>
/// What a bidder offers: a price for each lot bid for (or one price with no lots), an answer to every quality and
/// social value question, the social value commitments that become contract obligations if the bid wins, and
/// supporting documents. It is sealed whole, so nothing of it can be read before the deadline.
/// </summary>
public sealed record BidContent(
    IReadOnlyList<BidContent.LotPrice> Prices,
    IReadOnlyList<BidContent.Answer> Answers,
    IReadOnlyList<BidContent.Commitment> Commitments,
    IReadOnlyList<BidContent.Document> Documents)
{
    public const int MaxAnswerLength = 20_000;
    public const int MaxDocuments = 10;
    public const int MaxDocumentBytes = 10 * 1024 * 1024;
    public const int MaxCommitments = 50;

    /// <summary>What the evaluation panel can open: files people make in offices, not executables or archives.</summary>
    public static IReadOnlyDictionary<string, string> DocumentTypes => OfficeDocuments.Types;

    /// <summary>A price for one lot, or for the whole contract (no lot) when the tender is not in lots.</summary>
    public sealed record LotPrice(Guid? LotId, decimal Price);

    public sealed record Answer(Guid QuestionId, string Text);

    /// <summary>
    /// A measurable social value promise, e.g. 12 local apprenticeships, against the question it answers; and, when
    /// the bidder chose one of the tender's social value measures, its code. Bids sealed before measures existed have
    /// no code, which reads as null, so they still open.
    /// </summary>
    public sealed record Commitment(Guid QuestionId, string Measure, decimal Quantity, string Unit, string? MeasureCode = null);

    public sealed record Document(string FileName, string ContentType, byte[] Content);

    public sealed record Input(IReadOnlyList<LotPrice?>? Prices, IReadOnlyList<AnswerInput?>? Answers, IReadOnlyList<CommitmentInput?>? Commitments, IReadOnlyList<DocumentInput?>? Documents);

    public sealed record AnswerInput(Guid? QuestionId, string? Text);

    /// <summary>A commitment as given. With <c>MeasureCode</c>, the measure's description and unit are used when left out, and its unit always.</summary>
    public sealed record CommitmentInput(Guid? QuestionId, string? Measure, decimal? Quantity, string? Unit, string? MeasureCode = null);

    public sealed record DocumentInput(string? FileName, byte[]? Content);

    /// <summary>The bid, checked against the tender it answers, or every fault with the field it is in.</summary>
    public static Result<BidContent> From(Input input, Tender tender)
    {
        var errors = new Errors();
        var prices = CheckPrices(input.Prices ?? [], tender, errors);
        var answers = CheckAnswers(input.Answers ?? [], tender, errors);
        var commitments = CheckCommitments(input.Commitments ?? [], tender, errors);
        var documents = CheckDocuments(input.Documents ?? [], errors);
        return errors.Any ? errors : new BidContent(prices, answers, commitments, documents);
    }

    private static List<LotPrice> CheckPrices(IReadOnlyList<LotPrice?> prices, Tender tender, Errors errors)
    {
        if (tender.Lots.Count == 0 && prices.Count != 1)
        {
            errors.Add("prices", "Give one price for the whole contract: this tender is not divided into lots");
        }
        else if (prices.Count == 0)
        {
            errors.Add("prices", "Give a price for at least one lot");
        }

        for (var i = 0; i < prices.Count; i++)
        {
            var price = prices[i];
            if (price is null)
            {
                errors.Add($"prices[{i}]", "Give the lot and the price");
                continue;
            }

            if (tender.Lots.Count == 0 && price.LotId is not null)
            {
                errors.Add($"prices[{i}].lotId", "This tender has no lots: leave the lot out");
            }
            else if (tender.Lots.Count > 0 && tender.Lots.All(l => l.Id != price.LotId))
            {
                errors.Add($"prices[{i}].lotId", "Choose one of the tender's lots");
            }
            else if (prices.Take(i).Any(p => p?.LotId == price.LotId))
            {
                errors.Add($"prices[{i}].lotId", "This lot is priced twice");
            }

            if (price.Price <= 0 || decimal.Round(price.Price, 2) != price.Price || price.Price > 100_000_000_000m)
            {
                errors.Add($"prices[{i}].price", "Enter a price greater than zero, in pounds and pence");
            }
        }

        return prices.Where(p => p is not null).Select(p => p!).ToList();
    }

    private static List<Answer> CheckAnswers(IReadOnlyList<AnswerInput?> answers, Tender tender, Errors errors)
    {
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (answer?.QuestionId is not { } id || tender.Questions.All(q => q.Id != id))
            {
                errors.Add($"answers[{i}].questionId", "Answer one of the tender's questions");
            }
            else if (answers.Take(i).Any(a => a?.QuestionId == id))
            {
                errors.Add($"answers[{i}].questionId", "This question is answered twice");
            }
            else if (string.IsNullOrWhiteSpace(answer.Text) || answer.Text.Length > MaxAnswerLength)
            {
                errors.Add($"answers[{i}].text", $"Write your answer, up to {MaxAnswerLength:N0} characters");
            }
        }

        foreach (var question in tender.Questions.Where(q => answers.All(a => a?.QuestionId != q.Id)))
        {
            errors.Add($"answers.{question.Id}", $"Answer question {question.Order + 1}: an unanswered question scores 0");
        }

        return answers.Where(a => a?.QuestionId is not null && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => new Answer(a!.QuestionId!.Value, a.Text!.Trim())).ToList();
    }

    private static List<Commitment> CheckCommitments(IReadOnlyList<CommitmentInput?> commitments, Tender tender, Errors errors)
    {
        if (commitments.Count > MaxCommitments)
        {
            errors.Add("commitments", $"Make at most {MaxCommitments} social value commitments");
            return [];
        }

        var resolved = new List<(CommitmentInput? Input, string? Code)>();
        for (var i = 0; i < commitments.Count; i++)
        {
            var commitment = commitments[i];
            TenderSocialValueMeasure? measure = null;
            if (!string.IsNullOrWhiteSpace(commitment?.MeasureCode))
            {
                measure = tender.SocialValueMeasures.FirstOrDefault(m => string.Equals(m.Code, commitment.MeasureCode.Trim(), StringComparison.OrdinalIgnoreCase));
                if (measure is null)
                {
                    errors.Add($"commitments[{i}].measureCode", "Choose one of the tender's social value measures, or none and describe the commitment yourself");
                }
                else
                {
                    commitment = commitment with
                    {
                        Measure = string.IsNullOrWhiteSpace(commitment.Measure) ? (measure.Description.Length <= 300 ? measure.Description : measure.Code) : commitment.Measure,
                        Unit = measure.Unit ?? commitment.Unit,
                    };
                }
            }

            resolved.Add((commitment, measure?.Code));
            if (commitment?.QuestionId is not { } id || tender.Questions.All(q => q.Id != id || q.Kind != QuestionKind.SocialValue))
            {
                errors.Add($"commitments[{i}].questionId", "Say which social value question the commitment answers");
            }

            if (string.IsNullOrWhiteSpace(commitment?.Measure) || commitment.Measure.Length > 300)
            {
                errors.Add($"commitments[{i}].measure", "Say what you commit to, up to 300 characters, like \"apprenticeships for local people\"");
            }

            if (commitment?.Quantity is not { } quantity || quantity <= 0 || decimal.Round(quantity, 2) != quantity || quantity > 1_000_000_000m)
            {
                errors.Add($"commitments[{i}].quantity", "Enter how many or how much, greater than zero");
            }

            if (string.IsNullOrWhiteSpace(commitment?.Unit) || commitment.Unit.Length > 50)
            {
                errors.Add($"commitments[{i}].unit", "Enter the unit, up to 50 characters, like \"people\" or \"hours\"");
            }
        }

        return errors.Any ? [] : resolved.Select(r => new Commitment(r.Input!.QuestionId!.Value, r.Input.Measure!.Trim(), r.Input.Quantity!.Value, r.Input.Unit!.Trim(), r.Code)).ToList();
    }

    private static List<Document> CheckDocuments(IReadOnlyList<DocumentInput?> documents, Errors errors)
    {
        if (documents.Count > MaxDocuments)
        {
            errors.Add("documents", $"Attach at most {MaxDocuments} documents");
            return [];
        }

        var total = 0L;
        var checkedDocuments = new List<Document>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (OfficeDocuments.Accept(document?.FileName) is not { } accepted)
            {
                errors.Add($"documents[{i}].fileName", OfficeDocuments.Rule);
                continue;
            }

            var (name, type) = accepted;

            if (document!.Content is not { Length: > 0 } content)
            {
                errors.Add($"documents[{i}].content", $"{name} is empty");
                continue;
            }

            total += content.Length;
            checkedDocuments.Add(new Document(name, type, content));
        }

        if (total > MaxDocumentBytes)
        {
            errors.Add("documents", $"The documents come to more than {MaxDocumentBytes / 1024 / 1024} MB together: attach less");
        }

        return checkedDocuments;
    }
}
