using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Providers;

/// <summary>
/// Imports providers into an organisation's register from a CSV file, whole or not at all, and idempotently. Three
/// layouts are recognised by their headers:
/// <list type="bullet">
/// <item>Placeshaper's own (<see cref="Columns"/>), which is also what the register downloads as, so a download
/// imports back unchanged. A column left out of the header changes nothing; an empty cell clears the value, except
/// <c>vcse</c> and <c>consortium</c>, where it leaves the provider as it is (a new provider's VCSE flag is then
/// suggested by its legal form). The worked-out columns <see cref="WorkedOutColumns"/> are ignored.</item>
/// <item>Companies House BasicCompanyData (<c>CompanyName, CompanyNumber, RegAddress.PostCode, CompanyCategory,
/// SICCode.SicText_1…4</c>; the header names' leading spaces do not matter).</item>
/// <item>A charity register of org-ids (<c>org_id_a,org_id_b,name</c>) such as 360Giving's charity-to-company list:
/// <c>GB-CHC-</c> (England and Wales), <c>GB-SC-</c> (Scotland), <c>GB-NIC-</c> (Northern Ireland) and
/// <c>GB-COH-</c> (Companies House).</item>
/// </list>
/// A row is the provider already in the register that shares a registration number with it (or, for a row with no
/// number, its normalised name), and updates it; otherwise it adds one. Rows that would be a duplicate, of a provider
/// in the register or of an earlier row (<see cref="ProviderDuplicates"/>), are left out and listed in the report,
/// naming the provider they duplicate; the rest of the file is imported. Invalid rows are problems: the file is refused.
/// </summary>
public sealed class ImportProviders(PlaceshaperDb db)
{
    /// <summary>Placeshaper's provider CSV, in the order the register downloads it.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["name", "legal_form", "company_number", "charity_number", "vat_number", "registered_postcode", "trading_postcode", "staff", "turnover", "balance_sheet_total", "vcse", "consortium", "sic_codes"];

    /// <summary>Columns the download adds, worked out from the others; an import ignores them.</summary>
    public static readonly IReadOnlyList<string> WorkedOutColumns = ["sme", "size", "local"];

    private static readonly string[] UkCountries = ["", "UNITED KINGDOM", "ENGLAND", "WALES", "SCOTLAND", "NORTHERN IRELAND", "GREAT BRITAIN", "UK", "GB"];

    /// <summary>One row as read: the values it gives by field (API names), and the file's column for each.</summary>
    private sealed class Row(int line)
    {
        public int Line { get; } = line;

        public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);

        /// <summary>Fields applied only to a provider that has no value yet (a legal form from Companies House).</summary>
        public HashSet<string> FillOnly { get; } = new(StringComparer.Ordinal);

        /// <summary>False where the file writes names its own way (upper case): a name that differs only so is kept.</summary>
        public bool ExactName { get; init; }

        public string Name => (string)Values["name"]!;

        public string ColumnFor(string field) => Columns.GetValueOrDefault(field) ?? Columns["name"];

        public void Set(string field, string column, object? value)
        {
            Values[field] = value;
            Columns[field] = column;
        }

        public ProviderDuplicates.Identity Identity() => new(
            null, Name, NameNormaliser.Normalise(Name), Values.GetValueOrDefault("companyNumber") as string, Values.GetValueOrDefault("charityNumber") as string, Values.GetValueOrDefault("vatNumber") as string);
    }

    private sealed record Plan(Row Row, Provider? Existing, ValidProviderDetails Details);

    public async Task<ImportReport> HandleAsync(Guid organisationId, byte[] content, string file, CancellationToken cancellationToken, string? sheet = null)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = new List<ImportProblem>();
        var rows = table.Has("CompanyName") && table.Has("CompanyNumber") ? FromCompaniesHouse(table, problems)
            : table.Has("org_id_a") && table.Has("name") ? FromCharityRegister(table, problems)
            : table.Has("name") && table.Has("legal_form") ? FromPlaceshaperLayout(table, problems)
            : NoLayout(table, problems);

        var existing = await db.Providers.Include(p => p.Members).Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var members = existing.SelectMany(p => p.Members.Select(m => m.MemberId)).ToHashSet();
        var register = new Index<Provider>(existing.Select(p => (p.Identity, p)));
        var inFile = new Index<int>([]);
        var matchedBy = new Dictionary<Guid, int>();
        var leftOut = new List<ImportProblem>();
        var plans = new List<Plan>();
        foreach (var row in rows)
        {
            var identity = row.Identity();
            if (inFile.Duplicate(identity) is { } earlier)
            {
                leftOut.Add(new ImportProblem(file, row.Line, row.ColumnFor(earlier.Field), $"left out: the same provider as line {earlier.Value} ({earlier.Name}): {earlier.Reason}"));
                continue;
            }

            var (target, refusal) = Match(identity, register);
            if (refusal is not null)
            {
                leftOut.Add(new ImportProblem(file, row.Line, row.ColumnFor(refusal.Value.Field), "left out: " + refusal.Value.Reason));
                continue;
            }

            if (target is not null && matchedBy.TryGetValue(target.Id, out var line))
            {
                leftOut.Add(new ImportProblem(file, row.Line, row.ColumnFor("name"), $"left out: the same provider as line {line} ({target.Name}), already in the register"));
                continue;
            }

            var details = Merge(target, row).Check();
            if (!details.Succeeded)
            {
                problems.AddRange(details.Errors.ByField.SelectMany(e => e.Value.Select(m => new ImportProblem(file, row.Line, row.ColumnFor(e.Key), m))));
                continue;
            }

            var merged = details.Value.Identity(target?.Id);
            if (register.Duplicate(merged, target) is { } other)
            {
                leftOut.Add(new ImportProblem(file, row.Line, row.ColumnFor(other.Field), $"left out: it would duplicate {other.Name}, already in the register: {other.Reason}"));
                continue;
            }

            if (target is not null && !details.Value.IsConsortium && target.Members.Count > 0)
            {
                problems.Add(new ImportProblem(file, row.Line, row.ColumnFor("isConsortium"), $"{target.Name} has consortium members: remove them before saying it is not a consortium"));
                continue;
            }

            if (target is not null && details.Value.IsConsortium && !target.IsConsortium && members.Contains(target.Id))
            {
                problems.Add(new ImportProblem(file, row.Line, row.ColumnFor("isConsortium"), $"{target.Name} is a member of a consortium, and consortia do not nest"));
                continue;
            }

            if (target is not null)
            {
                matchedBy[target.Id] = row.Line;
            }

            inFile.Add(merged, row.Line);
            plans.Add(new Plan(row, target, details.Value));
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems.OrderBy(p => p.Line));
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0;
        foreach (var plan in plans)
        {
            if (plan.Existing is null)
            {
                db.Providers.Add(Provider.Register(organisationId, plan.Details, now));
                added++;
            }
            else if (plan.Existing.Change(plan.Details, now) is { Succeeded: true, Value: true })
            {
                updated++;
            }
        }

        var summary = JsonSerializer.Serialize(new { sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), added, updated, leftOut = leftOut.Count });
        db.RecordDecision(new AuditDecision(organisationId, "providers-imported", "Import", file, After: summary));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(file, table.Rows.Count, added, updated, plans.Count - added - updated, []) { LeftOut = leftOut };
    }

    /// <summary>
    /// The provider in the register a row is: the one sharing a registration number with it, or for a row with no
    /// number, the one with its normalised name. A refusal says why the row cannot be taken as either.
    /// </summary>
    private static (Provider? Target, (string Field, string Reason)? Refusal) Match(ProviderDuplicates.Identity row, Index<Provider> register)
    {
        var byNumber = register.ByNumber(row);
        if (byNumber.Select(m => m.Value.Id).Distinct().Count() > 1)
        {
            return (null, (byNumber[0].Field, $"its numbers belong to different providers already in the register: {string.Join(" and ", byNumber.Select(m => $"{m.Value.Name} ({m.What})"))}"));
        }

        if (byNumber.Count > 0)
        {
            var (field, what, provider) = byNumber[0];
            return ProviderDuplicates.Conflict(row, provider.Identity)
                ? (null, (field, $"{provider.Name}, already in the register, has the same {what} but a different registration number of another kind"))
                : (provider, null);
        }

        var byName = register.ByName(row);
        if (byName.Count == 0)
        {
            return (null, null);
        }

        if (row.HasNumber)
        {
            return (null, ("name", $"{byName[0].Name}, already in the register, has the same name once case, punctuation and words like LIMITED are set aside; if it is the same provider, add this registration number to it"));
        }

        return byName.Count == 1
            ? (byName[0], null)
            : (null, ("name", $"{byName.Count} providers already in the register have this name: {string.Join(", ", byName.Select(p => p.Name))}"));
    }

    /// <summary>What the provider would be after the row: the row's values over what is held (or a new provider's).</summary>
    private static ProviderDetails Merge(Provider? target, Row row)
    {
        var basis = target?.Details ?? new ProviderDetails(null, null);
        T Pick<T>(string field, T current) =>
            row.Values.TryGetValue(field, out var value) && !(row.FillOnly.Contains(field) && current is not null) ? (T)value! : current;

        var name = row.Name;
        if (target is not null && !row.ExactName && NameNormaliser.Normalise(target.Name) == NameNormaliser.Normalise(name))
        {
            name = target.Name;
        }

        return new ProviderDetails(
            name,
            Pick("legalForm", basis.LegalForm),
            Pick("companyNumber", basis.CompanyNumber),
            Pick("charityNumber", basis.CharityNumber),
            Pick("vatNumber", basis.VatNumber),
            Pick("registeredPostcode", basis.RegisteredPostcode),
            Pick("tradingPostcode", basis.TradingPostcode),
            Pick("staff", basis.Staff),
            Pick("turnover", basis.Turnover),
            Pick("balanceSheetTotal", basis.BalanceSheetTotal),
            Pick("isVcse", basis.IsVcse),
            Pick("isConsortium", basis.IsConsortium),
            Pick("sicCodes", basis.SicCodes));
    }

    private static List<Row> NoLayout(ImportTable table, List<ImportProblem> problems)
    {
        problems.Add(new ImportProblem(table.File, 1, null,
            "the header is not a layout Placeshaper reads: its provider CSV (" + string.Join(',', Columns) + "), Companies House BasicCompanyData (CompanyName, CompanyNumber, …) or a charity register (org_id_a,org_id_b,name)"));
        return [];
    }

    private static List<Row> FromPlaceshaperLayout(ImportTable table, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        foreach (var csv in table.Rows)
        {
            var row = new Row(csv.Line) { ExactName = true };
            var before = problems.Count;
            void Problem(string column, string reason) => problems.Add(new ImportProblem(table.File, csv.Line, column, reason));

            Name(row, csv, "name", Problem);
            if (LegalForms.Parse(csv["legal_form"]) is { } form)
            {
                row.Set("legalForm", "legal_form", form);
            }
            else
            {
                Problem("legal_form", $"'{csv["legal_form"]}' is not a legal form; use one of {string.Join(", ", LegalForms.Codes.Select(c => c.Code))}");
            }

            Number(row, table, csv, "company_number", "companyNumber", ProviderNumbers.CompanyNumber, Problem);
            Number(row, table, csv, "charity_number", "charityNumber", ProviderNumbers.CharityNumber, Problem);
            Number(row, table, csv, "vat_number", "vatNumber", ProviderNumbers.VatNumber, Problem);
            Number(row, table, csv, "registered_postcode", "registeredPostcode", ProviderNumbers.Postcode, Problem);
            Number(row, table, csv, "trading_postcode", "tradingPostcode", ProviderNumbers.Postcode, Problem);
            if (table.Has("staff"))
            {
                var text = csv["staff"];
                if (text is null)
                {
                    row.Set("staff", "staff", null);
                }
                else if (int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var staff) && staff <= ProviderDetails.MaxStaff)
                {
                    row.Set("staff", "staff", (int?)staff);
                }
                else
                {
                    Problem("staff", $"'{text}' is not a number of staff: a whole number, 0 or more");
                }
            }

            Amount(row, table, csv, "turnover", "turnover", Problem);
            Amount(row, table, csv, "balance_sheet_total", "balanceSheetTotal", Problem);
            YesNo(row, table, csv, "vcse", "isVcse", Problem);
            YesNo(row, table, csv, "consortium", "isConsortium", Problem);
            if (table.Has("sic_codes"))
            {
                var codes = (csv["sic_codes"] ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
                foreach (var code in codes.Where(c => ProviderNumbers.SicCode(c).Problem is not null))
                {
                    Problem("sic_codes", ProviderNumbers.SicCode(code).Problem!);
                }

                row.Set("sicCodes", "sic_codes", (IReadOnlyList<string>)codes);
            }

            if (problems.Count == before)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static List<Row> FromCompaniesHouse(ImportTable table, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        foreach (var csv in table.Rows)
        {
            var row = new Row(csv.Line);
            var before = problems.Count;
            void Problem(string column, string reason) => problems.Add(new ImportProblem(table.File, csv.Line, column, reason));

            Name(row, csv, "CompanyName", Problem);
            var (number, numberProblem) = ProviderNumbers.CompanyNumber(csv["CompanyNumber"]);
            if (numberProblem is not null)
            {
                Problem("CompanyNumber", numberProblem);
            }

            row.Set("companyNumber", "CompanyNumber", number);
            row.Set("legalForm", "CompanyCategory", (LegalForm?)LegalForms.FromCompanyCategory(csv["CompanyCategory"]));
            row.FillOnly.Add("legalForm");

            // An overseas company's registered address has its own country's postal code, which is not a UK postcode.
            var country = (csv["RegAddress.Country"] ?? "").ToUpperInvariant();
            if (table.Has("RegAddress.PostCode") && UkCountries.Contains(country))
            {
                Number(row, table, csv, "RegAddress.PostCode", "registeredPostcode", ProviderNumbers.Postcode, Problem);
            }

            var sic = new List<string>();
            foreach (var column in new[] { "SICCode.SicText_1", "SICCode.SicText_2", "SICCode.SicText_3", "SICCode.SicText_4" })
            {
                if (csv[column] is { } text && !text.Equals("None Supplied", StringComparison.OrdinalIgnoreCase))
                {
                    var (code, problem) = ProviderNumbers.SicCode(text);
                    if (problem is not null)
                    {
                        Problem(column, problem);
                    }
                    else
                    {
                        sic.Add(code!);
                    }
                }
            }

            row.Set("sicCodes", "SICCode.SicText_1", (IReadOnlyList<string>)sic);
            if (problems.Count == before)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static List<Row> FromCharityRegister(ImportTable table, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        foreach (var csv in table.Rows)
        {
            var row = new Row(csv.Line);
            var before = problems.Count;
            void Problem(string column, string reason) => problems.Add(new ImportProblem(table.File, csv.Line, column, reason));

            Name(row, csv, "name", Problem);
            foreach (var column in new[] { "org_id_a", "org_id_b" })
            {
                var id = csv[column];
                if (id is null)
                {
                    if (column == "org_id_a")
                    {
                        Problem(column, "an org-id is needed, like GB-CHC-1002459");
                    }

                    continue;
                }

                var (field, text) = OrgId(id);
                if (field is null)
                {
                    Problem(column, $"'{id}' is not a UK charity or company org-id: GB-CHC-, GB-SC-, GB-NIC- or GB-COH- and the number");
                    continue;
                }

                if (row.Values.ContainsKey(field))
                {
                    Problem(column, $"the row has two {(field == "charityNumber" ? "charity" : "company")} numbers");
                    continue;
                }

                var (value, problem) = field == "charityNumber" ? ProviderNumbers.CharityNumber(text) : ProviderNumbers.CompanyNumber(text);
                if (problem is not null)
                {
                    Problem(column, problem);
                }

                row.Set(field, column, value);
            }

            if (problems.Count == before && !row.Values.ContainsKey("charityNumber"))
            {
                Problem("org_id_a", "the row has no charity number (GB-CHC-, GB-SC- or GB-NIC-)");
            }

            row.Set("legalForm", "org_id_a", (LegalForm?)LegalForm.Charity);
            row.FillOnly.Add("legalForm");
            if (problems.Count == before)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Which number an org-id (org-id.guide) carries, and the number as the register writes it.</summary>
    private static (string? Field, string Number) OrgId(string id)
    {
        var upper = id.Trim().ToUpperInvariant();
        return upper.StartsWith("GB-CHC-", StringComparison.Ordinal) ? ("charityNumber", upper[7..])
            : upper.StartsWith("GB-SC-", StringComparison.Ordinal) ? ("charityNumber", upper[6..])
            : upper.StartsWith("GB-NIC-", StringComparison.Ordinal) ? ("charityNumber", "NIC" + upper[7..])
            : upper.StartsWith("GB-COH-", StringComparison.Ordinal) ? ("companyNumber", upper[7..])
            : (null, upper);
    }

    private static void Name(Row row, ImportRow csv, string column, Action<string, string> problem)
    {
        var name = csv[column];
        if (name is null || name.Length > ProviderDetails.MaxName)
        {
            problem(column, $"a name of 1 to {ProviderDetails.MaxName} characters is needed");
        }

        row.Set("name", column, name ?? "");
    }

    private static void Number(Row row, ImportTable table, ImportRow csv, string column, string field, Func<string?, (string? Value, string? Problem)> normalise, Action<string, string> problem)
    {
        if (!table.Has(column))
        {
            return;
        }

        var text = csv[column];
        var (value, reason) = text is null ? (null, null) : normalise(text);
        if (reason is not null)
        {
            problem(column, reason);
        }

        row.Set(field, column, value);
    }

    private static void Amount(Row row, ImportTable table, ImportRow csv, string column, string field, Action<string, string> problem)
    {
        if (!table.Has(column))
        {
            return;
        }

        var text = csv[column];
        if (text is null)
        {
            row.Set(field, column, null);
        }
        else if (Money.TryParse(text, out var pounds) && pounds >= 0 && pounds <= ProviderDetails.MaxAmount && decimal.Round(pounds, 2) == pounds)
        {
            row.Set(field, column, (decimal?)pounds);
        }
        else
        {
            problem(column, $"'{text}' is not an amount in pounds and pence, £0 or more");
        }
    }

    private static void YesNo(Row row, ImportTable table, ImportRow csv, string column, string field, Action<string, string> problem)
    {
        if (!table.Has(column) || csv[column] is not { } text)
        {
            return;
        }

        bool? value = text.ToUpperInvariant() switch
        {
            "YES" or "Y" or "TRUE" or "1" => true,
            "NO" or "N" or "FALSE" or "0" => false,
            _ => null,
        };
        if (value is null)
        {
            problem(column, $"'{text}' is not yes or no");
        }
        else
        {
            row.Set(field, column, value.Value);
        }
    }

    /// <summary>Entries by registration number and normalised name, for finding matches and duplicates without a scan.</summary>
    private sealed class Index<T>(IEnumerable<(ProviderDuplicates.Identity Identity, T Value)> entries)
    {
        private readonly List<(ProviderDuplicates.Identity Identity, T Value)> all = entries.ToList();
        private Dictionary<string, List<int>>? company;
        private Dictionary<string, List<int>>? charity;
        private Dictionary<string, List<int>>? vat;
        private Dictionary<string, List<int>>? names;

        public void Add(ProviderDuplicates.Identity identity, T value)
        {
            Build();
            all.Add((identity, value));
            Put(all.Count - 1);
        }

        /// <summary>Entries sharing a registration number with <paramref name="identity"/>: company, charity, VAT, in that order.</summary>
        public List<(string Field, string What, T Value)> ByNumber(ProviderDuplicates.Identity identity)
        {
            Build();
            var found = new List<(string, string, T)>();
            void Look(Dictionary<string, List<int>> index, string? number, string field, string what)
            {
                if (number is not null && index.TryGetValue(number, out var at))
                {
                    found.AddRange(at.Select(i => (field, what, all[i].Value)));
                }
            }

            Look(company!, identity.CompanyNumber, "companyNumber", "Companies House number");
            Look(charity!, identity.CharityNumber, "charityNumber", "charity number");
            Look(vat!, identity.VatNumber, "vatNumber", "VAT number");
            return found;
        }

        /// <summary>Entries with the same normalised name that no registration number tells apart from <paramref name="identity"/>.</summary>
        public List<T> ByName(ProviderDuplicates.Identity identity)
        {
            Build();
            return names!.TryGetValue(identity.NormalisedName, out var at)
                ? at.Where(i => ProviderDuplicates.SameName(identity, all[i].Identity)).Select(i => all[i].Value).ToList()
                : [];
        }

        /// <summary>The first entry (other than <paramref name="self"/>) that <paramref name="identity"/> would duplicate, numbers first.</summary>
        public (string Field, string Name, string Reason, T Value)? Duplicate(ProviderDuplicates.Identity identity, object? self = null)
        {
            Build();
            var candidates = new[]
                {
                    identity.CompanyNumber is null ? null : company!.GetValueOrDefault(identity.CompanyNumber),
                    identity.CharityNumber is null ? null : charity!.GetValueOrDefault(identity.CharityNumber),
                    identity.VatNumber is null ? null : vat!.GetValueOrDefault(identity.VatNumber),
                    names!.GetValueOrDefault(identity.NormalisedName),
                }
                .SelectMany(at => at ?? [])
                .Distinct()
                .Where(i => self is null || !ReferenceEquals(all[i].Value, self))
                .Select(i => all[i])
                .ToList();
            foreach (var (other, value) in candidates)
            {
                if (ProviderDuplicates.SharedNumber(identity, other) is { } shared)
                {
                    return (shared.Field, other.Name, $"it has the same {shared.What} ({shared.Number})", value);
                }
            }

            foreach (var (other, value) in candidates.Where(c => ProviderDuplicates.SameName(identity, c.Identity)))
            {
                return ("name", other.Name, "it " + ProviderDuplicates.SameNameReason, value);
            }

            return null;
        }

        private void Build()
        {
            if (company is not null)
            {
                return;
            }

            (company, charity, vat, names) = ([], [], [], []);
            for (var i = 0; i < all.Count; i++)
            {
                Put(i);
            }
        }

        private void Put(int i)
        {
            var identity = all[i].Identity;
            void To(Dictionary<string, List<int>> index, string? key)
            {
                if (key is not null)
                {
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add(i);
                }
            }

            To(company!, identity.CompanyNumber);
            To(charity!, identity.CharityNumber);
            To(vat!, identity.VatNumber);
            To(names!, identity.NormalisedName);
        }
    }
}
