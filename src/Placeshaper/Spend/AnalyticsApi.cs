using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>Spend analytics tables and the Transparency Code CSV.</summary>
public static class AnalyticsApi
{
    public static void Map(RouteGroupBuilder organisation)
    {
        var spend = organisation.MapGroup("/spend").WithTags("Spend");
        var readers = new RequiresRoleAttribute(SpendAccess.Readers);
        spend.MapGet("/analytics", AllAsync).WithName("SpendAnalytics")
            .WithSummary("Every spend analytics table for from..to (YYYY-MM-DD, default the financial year of the latest payment): months, quarters, financial years (April to March), service areas, expense types, spend categories (CPV division, CPV code, ProClass, from the expense-type mapping), suppliers, local/SME/VCSE/public-sector shares by quarter, off-contract spend and likely duplicate payments (same supplier and amount within ?days=3)")
            .WithMetadata(readers);
        spend.MapGet("/analytics/{table}", TableAsync).WithName("SpendAnalyticsTable")
            .WithSummary("One analytics table: months, quarters, financial-years, service-areas, expense-types, cpv-divisions, cpv-codes, proclass, suppliers, shares, off-contract or duplicates; same parameters")
            .WithMetadata(readers);
        spend.MapGet("/transparency.csv", TransparencyAsync).WithName("SpendTransparencyCsv")
            .WithSummary("Payments exceeding £500 between from and to in the Local Government Transparency Code 2015 layout (para. 23), as CSV; redacted beneficiaries stay redacted")
            .WithMetadata(readers);
    }

    private static async Task<Results<Ok<SpendAnalytics.Report>, ValidationProblem>> AllAsync(
        string? from, string? to, int? days, PlaceshaperDb db, OrganisationContext organisation, TimeProvider clock, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(from, to, days, db, organisation.Id, clock, cancellationToken);
        return range.Succeeded
            ? TypedResults.Ok(await SpendAnalytics.ForAsync(db, organisation.Id, range.Value.From, range.Value.To, range.Value.Days, cancellationToken))
            : Problems.Validation(range.Errors);
    }

    private static async Task<Results<Ok<object>, ValidationProblem, ProblemHttpResult>> TableAsync(
        string table, string? from, string? to, int? days, PlaceshaperDb db, OrganisationContext organisation, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!SpendAnalytics.Tables.Contains(table))
        {
            return Problems.NotFound("Analytics table");
        }

        var range = await RangeAsync(from, to, days, db, organisation.Id, clock, cancellationToken);
        if (!range.Succeeded)
        {
            return Problems.Validation(range.Errors);
        }

        var report = await SpendAnalytics.ForAsync(db, organisation.Id, range.Value.From, range.Value.To, range.Value.Days, cancellationToken);
        return TypedResults.Ok(Pick(report, table));
    }

    public static object Pick(SpendAnalytics.Report report, string table) => table switch
    {
        "months" => report.Months,
        "quarters" => report.Quarters,
        "financial-years" => report.FinancialYears,
        "service-areas" => report.ServiceAreas,
        "expense-types" => report.ExpenseTypes,
        "suppliers" => report.Suppliers,
        "shares" => report.Shares,
        "off-contract" => report.OffContract,
        "cpv-divisions" => report.CpvDivisions,
        "cpv-codes" => report.CpvCodes,
        "proclass" => report.ProClass,
        _ => report.Duplicates,
    };

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> TransparencyAsync(
        string? from, string? to, PlaceshaperDb db, OrganisationContext organisation, TimeProvider clock, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(from, to, null, db, organisation.Id, clock, cancellationToken);
        if (!range.Succeeded)
        {
            return Problems.Validation(range.Errors);
        }

        var rows = await SpendTransparency.RowsAsync(db, organisation.Id, organisation.Current.Name, range.Value.From, range.Value.To, cancellationToken);
        var table = new Exports.Table("spend-over-500", SpendTransparency.Headers, rows);
        return TypedResults.File(table.ToCsv(), Exports.Table.CsvType, $"spend-over-500-{range.Value.From:yyyy-MM-dd}-to-{range.Value.To:yyyy-MM-dd}.csv");
    }

    /// <summary>The date range asked for, or the financial year of the latest payment; and the days within which equal payments are likely duplicates.</summary>
    public static async Task<Common.Result<(DateOnly From, DateOnly To, int Days)>> RangeAsync(
        string? from, string? to, int? days, PlaceshaperDb db, Guid organisationId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Common.Errors();
        var (defaultFrom, defaultTo) = await SpendAnalytics.DefaultRangeAsync(db, organisationId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var start = Date(errors, "from", from) ?? defaultFrom;
        var end = Date(errors, "to", to) ?? defaultTo;
        if (end < start)
        {
            errors.Add("to", "Give a date on or after from");
        }

        if (days is < 0 or > 365)
        {
            errors.Add("days", "Give a number of days from 0 to 365");
        }

        return errors.Any ? errors : (start, end, days ?? SpendAnalytics.DefaultDuplicateDays);
    }

    private static DateOnly? Date(Common.Errors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Give a date as YYYY-MM-DD");
        return null;
    }
}
