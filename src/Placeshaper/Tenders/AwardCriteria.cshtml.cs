using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Calculators;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

public sealed class AwardCriteriaModel(OrganisationContext context, PlaceshaperDb db) : TenderPage(context, db)
{
    public const int SpareQuestions = 2;

    public sealed class QuestionRow
    {
        public Guid? Id { get; set; }

        public string? Kind { get; set; }

        public string? Text { get; set; }

        public string? Weight { get; set; }

        public List<string?> Descriptors { get; set; } = [];
    }

    [BindProperty]
    public string? PriceWeight { get; set; }

    [BindProperty]
    public string? QualityWeight { get; set; }

    [BindProperty]
    public string? SocialValueWeight { get; set; }

    [BindProperty]
    public string? SocialValueWaiverReason { get; set; }

    [BindProperty]
    public List<QuestionRow> Questions { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        PriceWeight = Rounding.Plain(Tender.PriceWeight);
        QualityWeight = Rounding.Plain(Tender.QualityWeight);
        SocialValueWeight = Rounding.Plain(Tender.SocialValueWeight);
        SocialValueWaiverReason = Tender.SocialValueWaiverReason;
        Questions = Tender.Questions.OrderBy(q => q.Order).Select(q => new QuestionRow
        {
            Id = q.Id,
            Kind = q.Kind.ToString(),
            Text = q.Text,
            Weight = Rounding.Plain(q.Weight),
            Descriptors = [.. q.DescriptorList],
        }).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var used = Questions.Select((q, i) => (q, i)).Where(x => !string.IsNullOrWhiteSpace(x.q.Text)).ToList();
        var inputs = used.Select(x => new Tender.QuestionInput(
            x.q.Id,
            Enum.TryParse<QuestionKind>(x.q.Kind, out var kind) && Enum.IsDefined(kind) ? kind : null,
            x.q.Text,
            Percent(x.q.Weight, $"question-{x.i}-weight", "Enter the question's weight within its part, from 0 to 100"),
            x.q.Descriptors.Select(d => d ?? "").ToList())).ToList();
        var errors = Tender.SetAwardCriteria(
            Percent(PriceWeight, "priceWeight", "Enter the price weight, from 0 to 100"),
            Percent(QualityWeight, "qualityWeight", "Enter the quality weight, from 0 to 100"),
            Percent(SocialValueWeight, "socialValueWeight", "Enter the social value weight, from 0 to 100"),
            SocialValueWaiverReason,
            inputs,
            Now);
        Pad();
        return await SaveOrShowAsync(errors, Home + "#criteria", cancellationToken, field => FieldId(field, used.Select(u => u.i).ToList(), inputs));
    }

    private decimal? Percent(string? text, string field, string message)
    {
        if (decimal.TryParse(text?.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        AddError(field, message);
        return null;
    }

    private void Pad()
    {
        var blanks = Questions.Count(q => string.IsNullOrWhiteSpace(q.Text));
        for (var i = blanks; i < SpareQuestions; i++)
        {
            Questions.Add(new QuestionRow { Kind = i == 0 ? nameof(QuestionKind.Quality) : nameof(QuestionKind.SocialValue) });
        }

        foreach (var question in Questions)
        {
            while (question.Descriptors.Count <= Tender.MaxScore)
            {
                question.Descriptors.Add(null);
            }
        }
    }

    /// <summary>The domain names questions by position among those used, and each part's list as quality[n] or socialValue[n].</summary>
    private static string FieldId(string field, List<int> rows, List<Tender.QuestionInput> inputs)
    {
        static int Index(string f, int open) => int.Parse(f[(open + 1)..f.IndexOf(']', open)], CultureInfo.InvariantCulture);
        if (field.StartsWith("questions[", StringComparison.Ordinal))
        {
            var part = field[(field.IndexOf(']', StringComparison.Ordinal) + 2)..];
            return $"question-{rows[Index(field, 9)]}-{part}";
        }

        if (field.StartsWith("quality[", StringComparison.Ordinal) || field.StartsWith("socialValue[", StringComparison.Ordinal))
        {
            var kind = field.StartsWith("quality", StringComparison.Ordinal) ? QuestionKind.Quality : QuestionKind.SocialValue;
            var nth = Index(field, field.IndexOf('[', StringComparison.Ordinal));
            var position = inputs.Select((q, i) => (q, i)).Where(x => x.q.Kind == kind).Select(x => x.i).ElementAtOrDefault(nth);
            return $"question-{rows[position]}-weight";
        }

        return field switch
        {
            "weights" or "weights.price" => "priceWeight",
            "weights.quality" => "qualityWeight",
            "weights.socialValue" => "socialValueWeight",
            "quality" => rows.Count > 0 ? $"question-{rows[0]}-weight" : "question-0-text",
            "socialValue" => rows.Count > 0 ? $"question-{rows[^1]}-weight" : "question-0-text",
            "tender" => "priceWeight",
            _ => field,
        };
    }
}
