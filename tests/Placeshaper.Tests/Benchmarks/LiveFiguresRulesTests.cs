using Placeshaper.Benchmarks;
using Placeshaper.Contracts.Delivery;

namespace Placeshaper.Tests.Benchmarks;

public sealed class LiveFiguresRulesTests
{
    private static readonly Guid Council = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Alarms = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Care = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Answered = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Removed = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    private static readonly LiveFigures.LiveContract[] Contracts =
    [
        new(Alarms, Council, "telecare", "TC-1", "Alarm Co"),
        new(Care, Council, "telecare", "TC-2", "Alarm Co"),
    ];

    [Theory]
    [InlineData(2025, 4, 1, "2025-26")]
    [InlineData(2026, 3, 31, "2025-26")]
    [InlineData(2026, 1, 1, "2025-26")]
    [InlineData(1999, 12, 1, "1999-00")]
    public void A_date_falls_in_the_UK_financial_year_from_1_April(int year, int month, int day, string expected) =>
        LiveFigures.FinancialYear(new DateOnly(year, month, day)).ShouldBe(expected);

    [Fact]
    public void Each_KPI_gives_its_latest_approved_value_in_each_financial_year_ignoring_unapproved_superseded_and_unknown_KPIs()
    {
        LiveFigures.Kpi[] kpis = [new(Answered, Alarms, "Calls answered within 45 minutes", "%")];
        LiveFigures.Observation[] observations =
        [
            new(Answered, new DateOnly(2025, 4, 1), ObservationStatus.Approved, 90m),
            new(Answered, new DateOnly(2025, 6, 1), ObservationStatus.Superseded, 70m),
            new(Answered, new DateOnly(2025, 6, 1), ObservationStatus.Approved, 92m),
            new(Answered, new DateOnly(2026, 2, 1), ObservationStatus.Submitted, 10m),
            new(Answered, new DateOnly(2026, 3, 1), ObservationStatus.Returned, 11m),
            new(Answered, new DateOnly(2026, 4, 1), ObservationStatus.Approved, 95m),
            new(Removed, new DateOnly(2025, 4, 1), ObservationStatus.Approved, 50m),
        ];

        var figures = LiveFigures.FromKpis(Contracts, kpis, observations);

        figures.ShouldBe(
        [
            new(Council, "telecare", FigureKind.Kpi, "Calls answered within 45 minutes", "%", "2025-26", "Alarm Co", 92m, "Live from contract TC-1"),
            new(Council, "telecare", FigureKind.Kpi, "Calls answered within 45 minutes", "%", "2026-27", "Alarm Co", 95m, "Live from contract TC-1"),
        ]);
    }

    [Fact]
    public void A_long_KPI_definition_is_cut_to_the_open_formats_measure_length_so_the_export_imports()
    {
        var figures = LiveFigures.FromKpis(Contracts, [new(Answered, Alarms, new string('x', 300), "%")], [new(Answered, new DateOnly(2025, 4, 1), ObservationStatus.Approved, 1m)]);
        figures.Single().Measure.Length.ShouldBe(BenchmarkFigure.MaxText);
    }

    [Fact]
    public void Residents_ratings_average_per_provider_and_financial_year_only_for_services_in_the_category()
    {
        LiveFigures.Rated[] reviews =
        [
            new(Alarms, new DateOnly(2025, 5, 1), 4m),
            new(Care, new DateOnly(2026, 3, 31), 4.75m),
            new(Care, new DateOnly(2025, 9, 1), 2.5m),
            new(Alarms, new DateOnly(2026, 4, 1), 3m),
            new(Guid.NewGuid(), new DateOnly(2025, 5, 1), 1m),
        ];

        var figures = LiveFigures.FromReviews(Contracts, reviews).OrderBy(f => f.Period, StringComparer.Ordinal).ToList();

        figures.ShouldBe(
        [
            new(Council, "telecare", FigureKind.Rating, "Residents' rating", "stars of 5", "2025-26", "Alarm Co", 3.75m, "Live from residents' reviews of contracts TC-1, TC-2"),
            new(Council, "telecare", FigureKind.Rating, "Residents' rating", "stars of 5", "2026-27", "Alarm Co", 3m, "Live from residents' reviews of contract TC-1"),
        ]);
    }
}
