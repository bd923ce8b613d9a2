using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Benchmarks;
using Placeshaper.Programmes;

namespace Placeshaper.Tests.Benchmarks;

public sealed class BenchmarkRulesTests
{
    private static readonly Guid Viewer = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Named = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Shy = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Absent = Guid.Parse("00000000-0000-0000-0000-000000000004");

    [Fact]
    public void Quartiles_interpolate_between_closest_ranks_as_R_and_Excel_QUARTILE_INC_do()
    {
        // R: quantile(c(7, 15, 36, 39, 40, 41)) gives 20.25, 37.5, 39.75 (type 7, the default).
        Distribution.Of([41m, 7m, 36m, 15m, 40m, 39m]).ShouldBe(new Distribution(6, 7m, 20.25m, 37.5m, 39.75m, 41m));
        Distribution.Of([1m, 2m, 3m, 4m, 5m]).ShouldBe(new Distribution(5, 1m, 2m, 3m, 4m, 5m));
        Distribution.Of([22.8m]).ShouldBe(new Distribution(1, 22.8m, 22.8m, 22.8m, 22.8m, 22.8m));
        // Exact decimal arithmetic: no binary floating point drift.
        Distribution.Of([0.1m, 0.2m]).Median.ShouldBe(0.15m);
        Distribution.Of([21.90m, 22.80m, 23.50m, 24.10m, 25.20m, 26.40m]).LowerQuartile.ShouldBe(22.975m);
        Should.Throw<ArgumentException>(() => Distribution.Of([]));
    }

    [Fact]
    public void An_organisation_is_named_only_when_both_sides_agreed_and_its_providers_only_when_they_agreed_too()
    {
        var sharers = new[] { Sharer(Viewer, SharingChoice.Named), Sharer(Named, SharingChoice.Named), Sharer(Shy, SharingChoice.Anonymous), Sharer(Absent, SharingChoice.NotShared) };
        var figures = new[]
        {
            Figure(Viewer, "Own Care Ltd", false, 20m), Figure(Named, "Agreed Care Ltd", true, 21m), Figure(Named, "Private Care Ltd", false, 22m),
            Figure(Shy, "Shy Care Ltd", true, 23m), Figure(Absent, "Absent Care Ltd", true, 99m),
        };

        var seen = BenchmarkPublishing.For(Viewer, "home-care", sharers, figures).Groups.Single().Figures;
        seen.Select(f => (f.Contributor, f.Provider, f.Value)).ShouldBe(
            [("Org 1", "Own Care Ltd", 20m), ("Org 2", "Agreed Care Ltd", 21m), ("Org 2", seen[2].Provider, 22m), ("Council A", seen[3].Provider, 23m)]);
        seen[2].Provider.ShouldStartWith("Provider ");
        seen[3].Provider.ShouldStartWith("Provider ");
        seen.ShouldNotContain(f => f.Value == 99m);

        // The viewer chose to share anonymously: nobody is named to it, though they agreed to be named to each other.
        var anonymously = BenchmarkPublishing.For(Viewer, "home-care", [Sharer(Viewer, SharingChoice.Anonymous), .. sharers.Skip(1)], figures).Groups.Single().Figures;
        anonymously.Where(f => !f.IsViewer).Select(f => f.Contributor).Distinct().Order().ShouldBe(["Council A", "Council B"]);
        anonymously.Where(f => !f.IsViewer).ShouldAllBe(f => f.Provider.StartsWith("Provider "));
    }

    [Fact]
    public void A_group_of_fewer_than_three_organisations_is_suppressed_whole_and_an_organisation_that_does_not_share_sees_nothing()
    {
        var sharers = new[] { Sharer(Viewer, SharingChoice.Named), Sharer(Named, SharingChoice.Named), Sharer(Shy, SharingChoice.NotShared) };
        var figures = new[] { Figure(Viewer, "A", true, 1m), Figure(Viewer, "B", true, 2m), Figure(Named, "C", true, 3m), Figure(Named, "D", true, 4m), Figure(Shy, "E", true, 5m) };
        var published = BenchmarkPublishing.For(Viewer, "home-care", sharers, figures);
        (published.Groups.Count, published.Suppressed).ShouldBe((0, 1));

        var outsider = BenchmarkPublishing.For(Shy, "home-care", sharers, figures);
        (outsider.ViewerShares, outsider.Groups.Count, outsider.Suppressed).ShouldBe((false, 0, 0));
    }

    [Fact]
    public void No_published_group_has_fewer_than_three_organisations_and_none_shows_one_that_does_not_share_or_names_one_that_did_not_agree()
    {
        var cases =
            from organisations in Gen.Choose(1, 6)
            from choices in Gen.ArrayOf(Gen.Elements(SharingChoice.NotShared, SharingChoice.Anonymous, SharingChoice.Named), organisations)
            from figures in Gen.ListOf(
                from org in Gen.Choose(0, organisations - 1)
                from measure in Gen.Elements("Cost per hour", "Visits on time")
                from period in Gen.Elements("2024-25", "2025-26")
                from provider in Gen.Elements("", "Alpha Care", "Beta Care")
                from named in Gen.Elements(true, false)
                from cents in Gen.Choose(0, 9_999)
                select (Org: org, Measure: measure, Period: period, Provider: provider, Named: named, Value: (org * 10_000) + cents))
            from viewer in Gen.Choose(0, organisations - 1)
            select (Choices: choices, Figures: figures, Viewer: viewer);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var ids = Enumerable.Range(0, c.Choices.Length).Select(i => Guid.Parse($"00000000-0000-0000-0000-{i + 1:000000000000}")).ToArray();
                var sharers = c.Choices.Select((choice, i) => Sharer(ids[i], choice)).ToList();
                var figures = c.Figures.Select(f => new BenchmarkPublishing.Pooled(ids[f.Org], null, false, f.Measure, "unit", FigureKind.Kpi, f.Period, f.Provider, f.Named, f.Value)).ToList();
                var published = BenchmarkPublishing.For(ids[c.Viewer], "home-care", sharers, figures);
                var viewerNamed = c.Choices[c.Viewer] == SharingChoice.Named;
                return published.Groups.All(g => g.Contributors >= BenchmarkPublishing.MinimumContributors
                        && g.Figures.Select(f => (int)(f.Value / 10_000)).Distinct().Count() == g.Contributors)
                    && published.Groups.SelectMany(g => g.Figures).All(f =>
                    {
                        var org = (int)(f.Value / 10_000);
                        var shownByName = f.Contributor == $"Org {org + 1}";
                        return c.Choices[org] != SharingChoice.NotShared
                            && c.Choices[c.Viewer] != SharingChoice.NotShared
                            && (!shownByName || org == c.Viewer || (viewerNamed && c.Choices[org] == SharingChoice.Named));
                    });
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_figure_names_its_file_fields_when_they_are_wrong()
    {
        var wrong = BenchmarkFigure.From(Viewer, "Org 1", new("gardening", "2025-27", "", "guess", "", "twelve", null, "maybe", null, null), DateTime.UtcNow);
        wrong.Errors!.ByField.Keys.ShouldBe(["category", "period", "measure", "kind", "unit", "value", "provider_named"], ignoreOrder: true);
        BenchmarkFigure.From(Viewer, "Org 1", new("home-care", "2025-26 Q2", "Residents' rating", "rating", "stars", "6", null, null, null, null), DateTime.UtcNow)
            .Errors!.ByField.Keys.ShouldBe(["value"]);
        var own = BenchmarkFigure.From(Viewer, "Org 1", new("Home-Care", "2025-26", "Cost per hour", "unit-cost", "GBP per hour", "24.10", "X", "yes", "org 1", "yes"), DateTime.UtcNow).Value!;
        (own.Category, own.Contributor, own.ContributorNamed, own.Value).ShouldBe(("home-care", (string?)null, false, 24.10m));
    }

    [Theory]
    [InlineData(ReviewDecision.Recommission, new[] { Stage.DesignSpecification, Stage.SourceProviders })]
    [InlineData(ReviewDecision.ChangeModel, new[] { Stage.PriorityOutcomes, Stage.DesignSpecification })]
    [InlineData(ReviewDecision.Decommission, new[] { Stage.ReviewAndLearn })]
    [InlineData(ReviewDecision.Extend, new[] { Stage.ManageDelivery })]
    public void A_review_decision_sends_the_programme_to_its_stages(ReviewDecision decision, Stage[] stages) =>
        ProgrammeReview.StagesFor(decision).ShouldBe(stages);

    private static BenchmarkPublishing.Sharer Sharer(Guid id, SharingChoice choice) => new(id, "Org " + id.ToString()[^1..].TrimStart('0'), choice);

    private static BenchmarkPublishing.Pooled Figure(Guid holder, string provider, bool providerNamed, decimal value) =>
        new(holder, null, false, "Cost per hour", "GBP per hour", FigureKind.UnitCost, "2025-26", provider, providerNamed, value);
}
