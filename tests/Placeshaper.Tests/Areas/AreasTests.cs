using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Areas;

public abstract class AreasTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static readonly string Data = Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "data"));

    private static StringContent Csv(string text) => new StringContent(text, Encoding.UTF8, "text/csv");

    private static ByteArrayContent File(string path) => new ByteArrayContent(System.IO.File.ReadAllBytes(path)) { Headers = { ContentType = new("text/csv") } };

    [Fact]
    public async Task The_real_ONS_local_authority_lookup_gives_a_county_and_its_districts_and_importing_again_changes_nothing()
    {
        app.RequireDatabase();
        var lookup = Path.Combine(Data, "reference-local-authorities", "la_all_codes.csv");
        TestEnvironment.SkipUnless(System.IO.File.Exists(lookup), "the shared data folder is not beside the repository");
        using var api = await app.ApiAsAsync("administrator@anytown-police.example");

        var first = await api.PostAsync(new Uri("/api/v1/orgs/anytown-police/areas/import?file=la_all_codes.csv&within=E10000008", UriKind.Relative), File(lookup));
        var again = await api.PostAsync(new Uri("/api/v1/orgs/anytown-police/areas/import?file=la_all_codes.csv&within=E10000008", UriKind.Relative), File(lookup));
        var areas = await (await api.GetPathAsync("/api/v1/orgs/anytown-police/areas")).ReadJsonAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.ReadJsonAsync();
        report.GetProperty("added").GetInt32().ShouldBe(9);
        (await again.ReadJsonAsync()).GetProperty("unchanged").GetInt32().ShouldBe(9);
        areas[0].GetProperty("name").GetString().ShouldBe("Devon");
        areas[0].GetProperty("level").GetString().ShouldBe("Authority");
        areas.EnumerateArray().Skip(1).ShouldAllBe(a => a.GetProperty("parentCode").GetString() == "E10000008");
        areas.EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldContain("Exeter");
    }

    [Fact]
    public async Task A_file_with_any_problem_is_refused_whole_with_line_column_and_reason()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var before = await app.WithDbAsync(db => db.Areas.CountAsync());
        const string file = "code,name,level,parent_code\nE05888001,Good ward,ward,E06009001\nE05888002,,ward,E06009001\nE0588,Short code,ward,\nE05888004,Orphan,ward,E05000000\nE05888001,Again,ward,\nE05888006,Odd,hamlet,\n";

        var response = await api.PostAsync(new Uri("/api/v1/orgs/anytown/areas/import?file=wards.csv", UriKind.Relative), Csv(file));

        var problem = await response.ShouldBeProblemAsync(422);
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("line").GetInt32()}:{p.GetProperty("column").GetString()}").ToList();
        problems.ShouldBe(["3:name", "4:code", "5:parent_code", "6:code", "7:level"]);
        problem.GetProperty("problems")[0].GetProperty("file").GetString().ShouldBe("wards.csv");
        (await app.WithDbAsync(db => db.Areas.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task An_area_cannot_end_up_inside_itself()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("administrator@anytown-icb.example");
        var first = await api.PostAsync(new Uri("/api/v1/orgs/anytown-icb/areas/import?file=a.csv", UriKind.Relative), Csv("code,name,level,parent_code\nE38000001,Place A,locality,\nE38000002,Place B,locality,E38000001\n"));

        var cycle = await api.PostAsync(new Uri("/api/v1/orgs/anytown-icb/areas/import?file=b.csv", UriKind.Relative), Csv("code,name,level,parent_code\nE38000001,Place A,locality,E38000002\n"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var problem = (await cycle.ShouldBeProblemAsync(422)).GetProperty("problems")[0];
        problem.GetProperty("column").GetString().ShouldBe("parent_code");
        problem.GetProperty("reason").GetString()!.ShouldContain("inside itself");
    }

    [Fact]
    public async Task Councillors_read_areas_but_cannot_import_them()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");

        var areas = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/areas")).ReadJsonAsync();
        var import = await councillor.PostAsync(new Uri("/api/v1/orgs/anytown/areas/import", UriKind.Relative), Csv("code,name,level\nE05777001,X,ward\n"));

        areas.GetArrayLength().ShouldBe(8, "the borough, its six wards and England as comparator");
        using var browser = await app.SignInAsync("councillor@anytown.example");
        (await browser.GetHtmlAsync("/o/anytown/areas")).ShouldContain("<td class=\"govuk-table__cell\">Riverside</td>");
        await import.ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task The_real_ONS_postcode_directory_sample_loads_and_places_a_postcode_in_an_organisations_wards()
    {
        app.RequireDatabase();
        var onspd = Path.Combine(Data, "reference-postcodes", "onspd-sample-8048-postcodes.csv");
        TestEnvironment.SkipUnless(System.IO.File.Exists(onspd), "the shared data folder is not beside the repository");

        var loaded = await Infrastructure.Cli.RunAsync("import", "postcodes", onspd, "--database", app.ConnectionString);
        var reloaded = await Infrastructure.Cli.RunAsync("import", "postcodes", onspd, "--database", app.ConnectionString);
        using var api = await app.ApiAsAsync("administrator@anytown-icb.example");
        var imported = await api.PostAsync(new Uri("/api/v1/orgs/anytown-icb/areas/import?file=aberdeen.csv", UriKind.Relative),
            Csv("code,name,level,parent_code\nS12000033,Aberdeen City,authority,\nS13002843,Lower Deeside,ward,S12000033\n"));
        var postcode = await (await api.GetPathAsync("/api/v1/postcodes/ab10aa")).ReadJsonAsync();
        var located = await (await api.GetPathAsync("/api/v1/orgs/anytown-icb/areas/lookup?postcode=AB1%200AA")).ReadJsonAsync();

        loaded.ExitCode.ShouldBe(0, loaded.Error);
        loaded.Output.ShouldContain("read 8048, added 8048");
        reloaded.Output.ShouldContain("added 0, updated 0, unchanged 8048");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        postcode.GetProperty("wardCode").GetString().ShouldBe("S13002843");
        postcode.GetProperty("terminated").GetBoolean().ShouldBeTrue();
        located.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Lower Deeside", "Aberdeen City"]);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "postcodes-imported"))).ShouldBe(2);
    }

    [Fact]
    public async Task A_file_that_is_not_the_postcode_directory_is_refused_naming_the_missing_column()
    {
        app.RequireDatabase();
        var path = Path.Combine(Path.GetTempPath(), $"not-onspd-{Guid.NewGuid():N}.csv");
        await System.IO.File.WriteAllTextAsync(path, "postcode,ward\nAB1 0AA,S13002843\n");
        try
        {
            var run = await Infrastructure.Cli.RunAsync("import", "postcodes", path, "--database", app.ConnectionString);

            run.ExitCode.ShouldBe(1);
            run.Error.ShouldContain(":1: pcds: the header has no 'pcds' column");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}

public sealed class AreasTestsOnSqlite(SqliteApp app) : AreasTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AreasTestsOnPostgres(PostgresApp app) : AreasTests<PostgresApp>(app), IClassFixture<PostgresApp>;
