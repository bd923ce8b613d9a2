using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Organisations;

/// <summary>
/// A supplier's user is a member of the council for its portal, but never reads the buyer's programmes or pooled
/// budgets, by page or API, nor sees them in the navigation; officers, councillors included, still do.
/// </summary>
public abstract class SuppliersUsersTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task A_suppliers_user_cannot_read_the_buyers_programmes_or_pooled_budgets()
    {
        app.RequireDatabase();
        var (programme, budget) = await app.WithDbAsync(async db =>
        {
            var anytown = await db.Organisations.IgnoreQueryFilters().Where(o => o.Slug == "anytown").Select(o => o.Id).SingleAsync();
            var b = await db.PooledBudgets.IgnoreQueryFilters().Where(x => x.OrganisationId == anytown).Select(x => new { x.Id, x.ProgrammeId }).FirstAsync();
            return (b.ProgrammeId, b.Id);
        });
        string[] pages = ["/o/anytown/programmes", $"/o/anytown/programmes/{programme}", $"/o/anytown/budgets/{budget}"];
        string[] api = ["/api/v1/orgs/anytown/programmes", $"/api/v1/orgs/anytown/programmes/{programme}", $"/api/v1/orgs/anytown/programmes/{programme}/budgets", $"/api/v1/orgs/anytown/budgets/{budget}"];

        using var supplier = await app.SignInAsync("hello@brightside.example");
        using var supplierApi = await app.ApiAsAsync("hello@brightside.example");
        foreach (var page in pages)
        {
            (await supplier.Http.GetAsync(new Uri(page, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
        }

        foreach (var path in api)
        {
            (await supplierApi.GetPathAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }

        var portal = await supplier.Http.GetAsync(new Uri("/o/anytown/portal", UriKind.Relative));
        portal.StatusCode.ShouldBe(HttpStatusCode.OK);
        var navigation = await portal.Content.ReadAsStringAsync();
        navigation.ShouldContain("href=\"/o/anytown/portal\"");
        navigation.ShouldNotContain("href=\"/o/anytown/programmes\"");

        using var councillor = await app.SignInAsync("councillor@anytown.example");
        using var councillorApi = await app.ApiAsAsync("councillor@anytown.example");
        foreach (var page in pages)
        {
            (await councillor.Http.GetAsync(new Uri(page, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, page);
        }

        foreach (var path in api)
        {
            (await councillorApi.GetPathAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }
}

public sealed class SuppliersUsersTestsOnSqlite(SqliteApp app) : SuppliersUsersTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SuppliersUsersTestsOnPostgres(PostgresApp app) : SuppliersUsersTests<PostgresApp>(app), IClassFixture<PostgresApp>;
