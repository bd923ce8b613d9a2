using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;

namespace Placeshaper.Specifications;

/// <summary>The KPIs, as rows to fill in: blank rows are ignored, and two spare rows are always offered (add another).</summary>
public sealed class KpisModel(OrganisationContext context, PlaceshaperDb db) : SpecificationPage(context, db)
{
    public const int SpareRows = 2;

    public sealed class KpiRow
    {
        public string? Definition { get; set; }

        public string? Unit { get; set; }

        public string? Polarity { get; set; }

        public string? Target { get; set; }

        public string? Minimum { get; set; }

        public string? Frequency { get; set; }

        public string? DataSource { get; set; }

        public Guid? MeasureId { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Definition) && string.IsNullOrWhiteSpace(Target) && string.IsNullOrWhiteSpace(Minimum) && string.IsNullOrWhiteSpace(DataSource);
    }

    [BindProperty]
    public List<KpiRow> Kpis { get; set; } = [];

    /// <summary>The active measures of the specification's outcomes, which a KPI may contribute to.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadMeasuresAsync(cancellationToken);
        Kpis = Specification.Kpis.OrderBy(k => k.Number).Select(k => new KpiRow
        {
            Definition = k.Definition,
            Unit = k.Unit,
            Polarity = k.Polarity.ToString(),
            Target = ShowModel.Figure(k.Target),
            Minimum = ShowModel.Figure(k.Minimum),
            Frequency = k.Frequency.ToString(),
            DataSource = k.DataSource,
            MeasureId = k.MeasureId,
        }).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadMeasuresAsync(cancellationToken);
        var used = Kpis.Select((k, i) => (k, i)).Where(x => !x.k.IsBlank).ToList();
        var inputs = used.Select(x => (Specification.KpiInput?)new Specification.KpiInput(
            x.k.Definition,
            x.k.Unit,
            Enum.TryParse<Polarity>(x.k.Polarity, out var polarity) ? polarity : null,
            Number($"kpi-{x.i}-target", x.k.Target, "Enter the target as a number, like 75 or 0.5"),
            Number($"kpi-{x.i}-minimum", x.k.Minimum, "Enter the minimum acceptable level as a number, like 65 or 2"),
            Enum.TryParse<KpiFrequency>(x.k.Frequency, out var frequency) && Enum.IsDefined(frequency) ? frequency : null,
            x.k.DataSource,
            x.k.MeasureId)).ToList();
        var errors = Specification.SetKpis(inputs, await SpecificationQueries.ActiveMeasuresAsync(Db, Context.Id, cancellationToken), Now);
        Pad();
        return await SaveOrShowAsync(errors, Home + "#kpis", cancellationToken, field =>
        {
            // The domain counts the KPIs filled in; the page's rows include blank ones.
            if (!field.StartsWith("kpis[", StringComparison.Ordinal))
            {
                return used.Count > 0 ? $"kpi-{used[0].i}-definition" : "kpi-0-definition";
            }

            var close = field.IndexOf(']', StringComparison.Ordinal);
            var row = used[int.Parse(field[5..close], System.Globalization.CultureInfo.InvariantCulture)].i;
            return close + 2 < field.Length ? $"kpi-{row}-{field[(close + 2)..]}" : $"kpi-{row}-definition";
        });
    }

    private async Task LoadMeasuresAsync(CancellationToken cancellationToken)
    {
        var outcomes = Specification.Outcomes.Select(o => o.OutcomeId).ToList();
        Measures = (await Db.OutcomeMeasures.AsNoTracking().Where(m => outcomes.Contains(m.OutcomeId) && m.RetiredAt == null)
            .Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken)).OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.Id, m.Name)).ToList();
    }

    private void Pad()
    {
        var blanks = Kpis.Count(k => k.IsBlank);
        for (var i = blanks; i < SpareRows; i++)
        {
            Kpis.Add(new KpiRow { Polarity = nameof(Polarity.HigherIsBetter), Frequency = nameof(KpiFrequency.Quarterly) });
        }
    }
}
