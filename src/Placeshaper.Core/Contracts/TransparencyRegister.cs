using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Placeshaper.Imports;

namespace Placeshaper.Contracts;

/// <summary>
/// A contracts register in the layout councils publish under the Local Government Transparency Code 2015 (Part 2,
/// "Procurement information": every contract over £5,000), column for column as Salford City Council publishes it
/// (contracts-register-july-2022.csv). Placeshaper imports registers in this layout and downloads its own in it, so a
/// download imports back unchanged.
/// </summary>
public static class TransparencyRegister
{
    public const string Directorate = "Directorate Name";
    public const string Process = "Process Used";
    public const string PurchasingBody = "Purchasing Body";
    public const string Reference = "Contract Reference";
    public const string Title = "Contract Title";
    public const string Description = "Contract Description";
    public const string Supplier = "Supplier Company Name";
    public const string Postcode = "Supplier Postcode";
    public const string AnnualValue = "Annual Value";
    public const string TotalValue = "Total Contract Value (including extensions)";
    public const string Advertised = "OJEU/FTS?";
    public const string StartDate = "Start Date";
    public const string EndDate = "End Date";
    public const string Duration = "Contract Duration (months)";
    public const string ExtensionMonths = "Option to extend (months)";
    public const string ExtensionCount = "How many extensions";
    public const string Extension1Taken = "Extension 1 Taken?";
    public const string Extension2Taken = "Extension 2 Taken?";
    public const string CurrentExpiry = "Current Expiry Date";
    public const string Sme = "SME Supplier?";
    public const string ClassificationCode = "ProClass Classification";
    public const string ClassificationDescription = "ProClass Description";
    public const string CompanyNumber = "Company Number";
    public const string Visibility = "Visibility";

    public static readonly IReadOnlyList<string> Columns =
    [
        Directorate, Process, PurchasingBody, Reference, Title, Description, Supplier, Postcode, AnnualValue, TotalValue, Advertised, StartDate, EndDate,
        Duration, ExtensionMonths, ExtensionCount, Extension1Taken, Extension2Taken, CurrentExpiry, Sme, ClassificationCode, ClassificationDescription,
        CompanyNumber, Visibility,
    ];

    /// <summary>The columns a file must have to be read as a contracts register.</summary>
    public static readonly IReadOnlyList<string> Required = [Reference, Title, Supplier];

    /// <summary>The column each field of <see cref="Contract.Details"/> comes from, to name it in a problem.</summary>
    public static readonly IReadOnlyDictionary<string, string> ColumnOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["reference"] = Reference,
        ["title"] = Title,
        ["description"] = Description,
        ["supplierName"] = Supplier,
        ["supplierPostcode"] = Postcode,
        ["supplierCompanyNumber"] = CompanyNumber,
        ["totalValue"] = TotalValue,
        ["annualValue"] = AnnualValue,
        ["startDate"] = StartDate,
        ["endDate"] = EndDate,
        ["extensions"] = ExtensionCount,
        ["procedure"] = Process,
        ["directorate"] = Directorate,
        ["purchasingBody"] = PurchasingBody,
        ["classificationCode"] = ClassificationCode,
        ["classificationDescription"] = ClassificationDescription,
    };

    /// <summary>
    /// One row read: the contract's details (without a reference of its own yet), the reference as the file gave it,
    /// the key that identifies the row, what was dropped (warnings) and what stops the file (problems).
    /// </summary>
    public sealed record Parsed(Contract.Details Details, string SourceReference, string Key, IReadOnlyList<ImportProblem> Warnings, IReadOnlyList<ImportProblem> Problems);

    /// <summary>
    /// Reads one row. Money is read strictly: an amount that is not a plain number of pounds, or is negative, is a
    /// problem that refuses the file; only an empty cell or "-" (the register's mark for a contract with no value,
    /// such as a concession) leaves the value empty, with a warning. A date that cannot be read (TBC, X, 22/04/222,
    /// an end before the start) is left empty with a warning, as are extension columns that contradict each other:
    /// the contract is still worth having in the register, and the warning names the line and column to fix.
    /// </summary>
    public static Parsed Parse(ImportRow row, string file)
    {
        var warnings = new List<ImportProblem>();
        var problems = new List<ImportProblem>();
        void Warn(string column, string reason) => warnings.Add(new ImportProblem(file, row.Line, column, reason));
        void Refuse(string column, string reason) => problems.Add(new ImportProblem(file, row.Line, column, reason));

        var title = row[Title];
        if (title is null)
        {
            Refuse(Title, "Every contract needs a title");
        }

        var supplier = row[Supplier];
        if (supplier is null)
        {
            Refuse(Supplier, "Every contract needs its supplier's name");
        }

        var annual = Amount(row, AnnualValue, Warn, Refuse);
        var total = Amount(row, TotalValue, Warn, Refuse);
        var start = Date(row, StartDate, Warn);
        var end = Date(row, EndDate, Warn);
        var expiry = Date(row, CurrentExpiry, Warn);
        var extensions = Extensions(row, Warn);
        var taken = extensions.Where(e => e!.Taken).Sum(e => e!.Months!.Value);
        // The current expiry is what the register is surest of: many councils move the End Date on when an extension is
        // taken (Salford does on 63 of the 79 rows with one), so the initial term is the expiry less the extensions taken.
        if (expiry is { } recorded)
        {
            var initial = recorded.AddMonths(-taken);
            if (end is null)
            {
                Warn(EndDate, $"No usable end date: the initial term is taken to end on {initial:yyyy-MM-dd}, the Current Expiry Date less the extensions taken");
            }
            else if (end != initial)
            {
                Warn(EndDate, $"{end:yyyy-MM-dd} is not the Current Expiry Date less the extensions taken: the initial term is taken to end on {initial:yyyy-MM-dd}, so that the contract expires on {recorded:yyyy-MM-dd}");
            }

            end = initial;
        }

        if (start is { } s && end is { } finish && finish < s)
        {
            Warn(EndDate, $"The end date {finish:yyyy-MM-dd} is before the start date {s:yyyy-MM-dd}: left empty");
            end = null;
        }

        var sme = YesNo(row, Sme, Warn, unknown: ["Various"]);
        var advertised = YesNo(row, Advertised, Warn, unknown: []);
        var companyNumber = row[CompanyNumber] is { } number && number is not ("-" or "Various" or "N/A") ? number : null;
        var reference = row[Reference] ?? "";
        var details = new Contract.Details(
            reference.Length == 0 ? "-" : reference,
            title,
            row[Description],
            null,
            supplier,
            row[Postcode],
            companyNumber,
            total,
            annual,
            start,
            end,
            Extensions: extensions,
            Procedure: row[Process],
            Advertised: advertised,
            Directorate: row[Directorate],
            PurchasingBody: row[PurchasingBody],
            ClassificationCode: row[ClassificationCode],
            ClassificationDescription: row[ClassificationDescription],
            RecordedSme: sme,
            Complete: false);
        return new Parsed(details, reference, Key(details, reference), warnings, problems);
    }

    /// <summary>
    /// What identifies a contract in a register: a SHA-256 of the reference as given, title, description, supplier,
    /// postcode, values and dates. Not the reference alone, because registers repeat it (a framework's suppliers, a
    /// contract's lots and re-lets share one, and some rows have none) and rows with the same reference, title and
    /// supplier can still be different contracts (Salford's S1122, let in 2015 and again in 2021).
    /// </summary>
    public static string Key(Contract.Details d, string sourceReference)
    {
        var canonical = string.Join('\u001f',
            sourceReference, d.Title?.Trim(), d.Description?.Trim(), d.SupplierName?.Trim(), d.SupplierPostcode?.Trim(),
            d.AnnualValue?.ToString("0.00", CultureInfo.InvariantCulture), d.TotalValue?.ToString("0.00", CultureInfo.InvariantCulture),
            d.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A contract as a row of the register, in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<object?> Row(Contract c, bool? sme)
    {
        var options = c.Extensions.OrderBy(e => e.Number).ToList();
        string Taken(int number) => options.Count < number ? "N/A" : options[number - 1].Taken ? "Yes" : "No";
        return
        [
            c.Directorate, c.Procedure, c.PurchasingBody, c.SourceReference ?? c.Reference, c.Title, c.Description, c.SupplierName,
            c.SupplierPostcode, c.AnnualValue, c.TotalValue, c.Advertised is { } advertised ? advertised ? "Yes" : "No" : "", c.StartDate, c.EndDate,
            Months(c.StartDate, c.EndDate), options.Sum(e => e.Months), options.Count, Taken(1), Taken(2), c.CurrentExpiry,
            sme is { } isSme ? isSme ? "Yes" : "No" : "", c.ClassificationCode, c.ClassificationDescription, c.SupplierCompanyNumber, "Public",
        ];
    }

    /// <summary>The initial term in months: whole when the dates are whole months apart, else to one decimal place.</summary>
    public static decimal? Months(DateOnly? start, DateOnly? end)
    {
        if (start is not { } s || end is not { } e)
        {
            return null;
        }

        var after = e.AddDays(1);
        var whole = (after.Year - s.Year) * 12 + after.Month - s.Month;
        return s.AddMonths(whole) == after ? whole : Math.Round((after.DayNumber - s.DayNumber) / (365.25m / 12), 1, MidpointRounding.AwayFromZero);
    }

    private static decimal? Amount(ImportRow row, string column, Action<string, string> warn, Action<string, string> refuse)
    {
        var text = row[column];
        if (text is null or "-")
        {
            warn(column, $"No value given{(text is null ? "" : " ('-')")}: left empty");
            return null;
        }

        if (!Money.TryParse(text, out var pounds) || decimal.Round(pounds, 2) != pounds)
        {
            refuse(column, $"'{text}' is not an amount in pounds and pence");
            return null;
        }

        if (pounds < 0)
        {
            refuse(column, $"'{text}' is negative: a contract's value cannot be");
            return null;
        }

        return pounds;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>A date written yyyy-mm-dd or dd/mm/yyyy (four-digit years only: 22/04/222 is not guessed at).</summary>
    public static DateOnly? Date(ImportRow row, string column, Action<string, string> warn)
    {
        var text = row[column];
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900 && date.Year <= 2200)
        {
            return DateOnly.FromDateTime(date);
        }

        warn(column, $"'{text}' is not a date: left empty");
        return null;
    }

    private static bool? YesNo(ImportRow row, string column, Action<string, string> warn, string[] unknown)
    {
        var text = row[column];
        if (text is null || unknown.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text.Equals("Yes", StringComparison.OrdinalIgnoreCase) || text.Equals("Y", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("No", StringComparison.OrdinalIgnoreCase) || text.Equals("N", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        warn(column, $"'{text}' is neither Yes nor No: left empty");
        return null;
    }

    /// <summary>
    /// The extension options from the total months, the number of extensions and the first two "taken" columns: the
    /// total is split evenly. Anything that does not add up is recorded as plainly as the file allows, with a warning.
    /// </summary>
    private static List<Contract.ExtensionInput?> Extensions(ImportRow row, Action<string, string> warn)
    {
        var monthsText = row[ExtensionMonths];
        var countText = row[ExtensionCount];
        int? months = monthsText is null or "N/A" ? 0 : int.TryParse(monthsText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        int? count = countText is null or "N/A" ? null : int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (months is null)
        {
            warn(ExtensionMonths, $"'{monthsText}' is not a number of months: no extension options recorded");
            return [];
        }

        if (countText is not null and not "N/A" && count is null)
        {
            warn(ExtensionCount, $"'{countText}' is not a number of extensions");
        }

        var options = new List<int>();
        if (months > 0)
        {
            if (count is > 0 and <= Contract.MaxExtensions && months % count == 0 && months / count <= Specifications.Specification.MaxExtensionMonths)
            {
                options.AddRange(Enumerable.Repeat(months.Value / count.Value, count.Value));
            }
            else if (months <= Specifications.Specification.MaxExtensionMonths)
            {
                if (count is not (null or 1))
                {
                    warn(ExtensionCount, $"{months} months cannot be split into {count} extensions Placeshaper can hold: recorded as one option of {months} months");
                }

                options.Add(months.Value);
            }
            else
            {
                warn(ExtensionMonths, $"{months} months is longer than an extension Placeshaper holds ({Specifications.Specification.MaxExtensionMonths}): no extension options recorded");
            }
        }

        var taken = new[] { Taken(row, Extension1Taken, warn), Taken(row, Extension2Taken, warn) };
        for (var i = 0; i < taken.Length; i++)
        {
            if (!taken[i])
            {
                continue;
            }

            var column = i == 0 ? Extension1Taken : Extension2Taken;
            if (options.Count <= i)
            {
                warn(column, $"Extension {i + 1} is marked taken, but the contract has {options.Count} extension option{(options.Count == 1 ? "" : "s")}: ignored");
                taken[i] = false;
            }
            else if (i > 0 && !taken[i - 1])
            {
                warn(column, $"Extension {i + 1} is marked taken but extension {i} is not: ignored, as options are taken in order");
                taken[i] = false;
            }
        }

        return options.Select((o, i) => (Contract.ExtensionInput?)new Contract.ExtensionInput(o, i < taken.Length && taken[i])).ToList();
    }

    private static bool Taken(ImportRow row, string column, Action<string, string> warn)
    {
        var text = row[column];
        if (text is null or "N/A" || text.Equals("No", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.Equals("Yes", StringComparison.OrdinalIgnoreCase) || text == "1")
        {
            return true;
        }

        warn(column, $"'{text}' is neither Yes nor No: taken as not taken");
        return false;
    }
}
