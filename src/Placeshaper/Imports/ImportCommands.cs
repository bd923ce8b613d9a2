using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Imports;

/// <summary>
/// <c>placeshaper import …</c>: CSV files or Excel workbooks in, whole or not at all, with every problem named by file,
/// line (or sheet and row) and column.
/// </summary>
public static class ImportCommands
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "CSV files or Excel workbooks (.xlsx) to import", Arity = ArgumentArity.OneOrMore };
        var organisation = new Option<string>("--org") { Description = "Slug of the organisation whose areas these are", Required = true };
        var within = new Option<string?>("--within") { Description = "With the ONS local authority lookup file: the code of the authority to take (its districts come too)" };
        var areas = new Command("areas", "Import an organisation's areas: Placeshaper's layout (code,name,level,parent_code) or the ONS local authority lookup.")
        {
            files, organisation, within, Sheet(),
        };
        areas.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(files)!, "import areas", async (scope, db, file, content) =>
        {
            var organisationId = await OrganisationIdAsync(db, parse.GetValue(organisation)!, cancellationToken);
            return await scope.GetRequiredService<ImportAreas>().HandleAsync(organisationId, content, file.Name, parse.GetValue(within), SheetOf(parse), cancellationToken);
        }, cancellationToken));

        var postcodeFiles = new Argument<FileInfo[]>("FILE") { Description = "ONS Postcode Directory (ONSPD) files, CSV or .xlsx", Arity = ArgumentArity.OneOrMore };
        var postcodes = new Command("postcodes", "Load the ONS Postcode Directory into the installation's shared postcode lookup.")
        {
            postcodeFiles, Sheet(),
        };
        postcodes.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(postcodeFiles)!, "import postcodes", (scope, _, file, content) =>
            scope.GetRequiredService<ImportPostcodes>().HandleAsync(content, file.Name, SheetOf(parse), cancellationToken), cancellationToken));

        var valueFiles = new Argument<FileInfo[]>("FILE") { Description = "CSV files or Excel workbooks (.xlsx) of figures", Arity = ArgumentArity.OneOrMore };
        var valuesOrganisation = new Option<string>("--org") { Description = "Slug of the organisation whose indicators these are", Required = true };
        var values = new Command("indicator-values", "Import needs figures: long (area_code,period,indicator,value) or wide (area_code,indicator,2019,2020,…).")
        {
            valueFiles, valuesOrganisation, Sheet(),
        };
        values.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(valueFiles)!, "import indicator-values", async (scope, db, file, content) =>
        {
            var organisationId = await OrganisationIdAsync(db, parse.GetValue(valuesOrganisation)!, cancellationToken);
            return await scope.GetRequiredService<Needs.ImportIndicatorValues>().HandleAsync(organisationId, content, file.Name, SheetOf(parse), cancellationToken);
        }, cancellationToken));

        var providerFiles = new Argument<FileInfo[]>("FILE") { Description = "CSV files or Excel workbooks (.xlsx) of providers", Arity = ArgumentArity.OneOrMore };
        var providersOrganisation = new Option<string>("--org") { Description = "Slug of the organisation whose provider register this is", Required = true };
        var providers = new Command("providers", "Import providers: Placeshaper's provider CSV (name,legal_form,company_number,…), Companies House BasicCompanyData, or a charity register (org_id_a,org_id_b,name).")
        {
            providerFiles, providersOrganisation, Sheet(),
        };
        providers.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(providerFiles)!, "import providers", async (scope, db, file, content) =>
        {
            var organisationId = await OrganisationIdAsync(db, parse.GetValue(providersOrganisation)!, cancellationToken);
            return await scope.GetRequiredService<Providers.ImportProviders>().HandleAsync(organisationId, content, file.Name, cancellationToken, SheetOf(parse));
        }, cancellationToken));

        var contractFiles = new Argument<FileInfo[]>("FILE") { Description = "CSV files or Excel workbooks (.xlsx) of a Transparency Code contracts register", Arity = ArgumentArity.OneOrMore };
        var contractsOrganisation = new Option<string>("--org") { Description = "Slug of the organisation whose contracts register this is", Required = true };
        var contracts = new Command("contracts", "Import a Local Government Transparency Code contracts register (Contract Reference, Contract Title, Supplier Company Name, …, as Salford publishes it). Unusable dates are left empty and reported as warnings.")
        {
            contractFiles, contractsOrganisation, Sheet(),
        };
        contracts.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(contractFiles)!, "import contracts", async (scope, db, file, content) =>
        {
            var organisationId = await OrganisationIdAsync(db, parse.GetValue(contractsOrganisation)!, cancellationToken);
            return await scope.GetRequiredService<Contracts.ImportContracts>().HandleAsync(organisationId, content, file.Name, cancellationToken, SheetOf(parse));
        }, cancellationToken));

        var measureFiles = new Argument<FileInfo[]>("FILE") { Description = "CSV files or Excel workbooks (.xlsx) of social value measures", Arity = ArgumentArity.OneOrMore };
        var measuresOrganisation = new Option<string>("--org") { Description = "Slug of the organisation whose measures these are", Required = true };
        var measures = new Command("social-value-measures", "Import an organisation's social value measures with proxy values: code,theme,outcome,description,unit,proxy_value_gbp,source,licence,retired. Matched by code.")
        {
            measureFiles, measuresOrganisation, Sheet(),
        };
        measures.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(measureFiles)!, "import social-value-measures", async (scope, db, file, content) =>
        {
            var organisationId = await OrganisationIdAsync(db, parse.GetValue(measuresOrganisation)!, cancellationToken);
            return await scope.GetRequiredService<SocialValue.ImportSocialValueMeasures>().HandleAsync(organisationId, content, file.Name, SheetOf(parse), cancellationToken);
        }, cancellationToken));

        var holidayFiles = new Argument<FileInfo[]>("FILE") { Description = "GOV.UK's bank-holidays.json (https://www.gov.uk/bank-holidays.json), as downloaded", Arity = ArgumentArity.OneOrMore };
        var bankHolidays = new Command("bank-holidays", "Load the UK's bank holidays from GOV.UK's bank-holidays.json into the installation's working-day calendar (standstill periods count them).")
        {
            holidayFiles,
        };
        bankHolidays.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(holidayFiles)!, "import bank-holidays", (scope, _, file, content) =>
            scope.GetRequiredService<Calendar.ImportBankHolidays>().HandleAsync(content, file.Name, cancellationToken), cancellationToken));

        var periodFiles = new Argument<FileInfo[]>("FILE") { Description = "A CSV or Excel workbook of the Procurement Act 2023 s.54 minimum periods, with sources", Arity = ArgumentArity.OneOrMore };
        var minimumPeriods = new Command("minimum-periods", "Load the Procurement Act 2023's minimum periods (s.54) that tender timetables are checked against: route,case,period,minimum_days,counting,from,to,source. The file replaces the whole table.")
        {
            periodFiles, Sheet(),
        };
        minimumPeriods.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(periodFiles)!, "import minimum-periods", (scope, _, file, content) =>
            scope.GetRequiredService<Tenders.Timetable.ImportMinimumPeriods>().HandleAsync(content, file.Name, SheetOf(parse), cancellationToken), cancellationToken));

        return new Command("import", "Import data files.") { areas, postcodes, values, providers, contracts, measures, bankHolidays, minimumPeriods, Spend.SpendCommands.Create(), Contracts.KpiValueCommands.Create() };
    }

    /// <summary>Each verb has its own instance: System.CommandLine does not share an option between commands.</summary>
    private static Option<string?> Sheet() => new(SheetOption)
    {
        Description = "For Excel workbooks: the worksheet to read, by name. Default: the first worksheet. CSV files ignore it.",
    };

    private const string SheetOption = "--sheet";

    private static string? SheetOf(ParseResult parse) => parse.GetValue<string?>(SheetOption);

    private static async Task<Guid> OrganisationIdAsync(PlaceshaperDb db, string slug, CancellationToken cancellationToken)
    {
        slug = slug.Trim().ToLowerInvariant();
        return await db.Organisations.Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CommandLineProblem($"--org: there is no organisation '{slug}'");
    }

    private sealed class CommandLineProblem(string message) : Exception(message);

    private static async Task<int> RunAsync(
        ParseResult parse,
        FileInfo[] files,
        string verb,
        Func<IServiceProvider, PlaceshaperDb, FileInfo, byte[], Task<ImportReport>> import,
        CancellationToken cancellationToken)
    {
        await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
        var exit = 0;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.Name}: no such file");
                exit = 1;
                continue;
            }

            // One scope per file: a refused file leaves nothing behind for the next.
            await using var scope = services.OperatorScope(verb + " " + file.Name);
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            if (await OperatorServices.EnsureCurrentSchemaAsync(db, cancellationToken) is { } schemaProblem)
            {
                await Console.Error.WriteLineAsync(schemaProblem);
                return 1;
            }

            try
            {
                var report = await import(scope.ServiceProvider, db, file, await File.ReadAllBytesAsync(file.FullName, cancellationToken));
                Console.WriteLine(report);
                foreach (var problem in report.Problems.Take(50))
                {
                    await Console.Error.WriteLineAsync("  " + problem);
                }

                if (report.Problems.Count > 50)
                {
                    await Console.Error.WriteLineAsync($"  … and {report.Problems.Count - 50} more");
                }

                // Rows left out of an accepted file (duplicates, for instance) are reported, not refused.
                foreach (var left in report.LeftOut.Take(50))
                {
                    Console.WriteLine("  " + left);
                }

                if (report.LeftOut.Count > 50)
                {
                    Console.WriteLine($"  … and {report.LeftOut.Count - 50} more left out");
                }

                // Warnings of an accepted file: what was imported but not as written (a date "TBC", for instance).
                foreach (var warning in report.Warnings.Take(50))
                {
                    Console.WriteLine("  warning: " + warning);
                }

                if (report.Warnings.Count > 50)
                {
                    Console.WriteLine($"  … and {report.Warnings.Count - 50} more warnings");
                }

                exit = report.Accepted ? exit : 1;
            }
            catch (CommandLineProblem problem)
            {
                await Console.Error.WriteLineAsync("error: " + problem.Message);
                return 2;
            }
        }

        return exit;
    }
}
