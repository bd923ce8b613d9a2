using System.Text;

namespace Placeshaper.Spend;

/// <summary>What a column of a spend file holds, in the words of the Local Government Transparency Code 2015.</summary>
public enum SpendField
{
    Date,
    Amount,
    Supplier,
    TransactionNumber,
    ServiceArea,
    ExpenseType,
    Description,
    SupplierCompanyNumber,
    SupplierVatNumber,
    SupplierPostcode,

    /// <summary>The procurement classification code the council's file gives a line (ProClass), as written.</summary>
    ProClassCode,

    /// <summary>The procurement classification's label or description the council's file gives a line, as written.</summary>
    ProClassLabel,
}

/// <summary>
/// Which column of a file holds each <see cref="SpendField"/>, by index. Suggested from the header names
/// (<see cref="Suggest"/>) or taken from a saved profile that names a header for some fields (<see cref="Apply"/>).
/// </summary>
public sealed class SpendMapping
{
    /// <summary>The fields every spend file must give: without them a row is not a payment.</summary>
    public static readonly IReadOnlyList<SpendField> Required = [SpendField.Date, SpendField.Amount, SpendField.Supplier];

    private readonly int[] columns;

    private SpendMapping(int[] columns) => this.columns = columns;

    /// <summary>The column index of a field, or -1 when the file does not have it.</summary>
    public int this[SpendField field] => columns[(int)field];

    public bool Has(SpendField field) => columns[(int)field] >= 0;

    /// <summary>The fields the file has, with the header of each column, for showing and saving as a profile.</summary>
    public IReadOnlyDictionary<SpendField, string> Describe(IReadOnlyList<string> headers) =>
        Enum.GetValues<SpendField>().Where(Has).ToDictionary(f => f, f => headers[this[f]]);

    /// <summary>
    /// Header names people use for each field, reduced by <see cref="Key"/> (lower case, letters and digits, single
    /// spaces). Taken from the files in the data catalogue: Devon, Oxford, Hyndburn, Lambeth, Leeds and thirteen bodies
    /// collated by ODI Leeds. The first header in a file that matches wins, in the order of these lists.
    /// </summary>
    private static readonly Dictionary<SpendField, string[]> Names = new()
    {
        [SpendField.Date] = ["date", "paid date", "payment date", "date paid", "invoice payment date", "transaction date", "date of payment", "clearing date",
            "invoice gl date", "invoice creation date", "payment date paid", "posting date", "invoice date", "effective date", "pay date"],
        [SpendField.Amount] = ["amount", "net amount", "amount paid", "net amount", "invoice nett amount", "nett amount", "invoice net amount", "net", "spend",
            "invoice line value net of vat", "total excludes vat", "line amount", "value", "amount excluding vat", "amount ex vat", "net value", "payment amount", "total"],
        [SpendField.Supplier] = ["supplier name", "supplier", "name", "vendor name", "supplier beneficiary name", "payee", "payee name", "beneficiary",
            "merchant name", "creditor name", "supplier id t", "vendor"],
        [SpendField.TransactionNumber] = ["transaction number", "trans no", "transaction no", "transaction id", "transno", "transaction reference", "document no",
            "document number", "sap document number", "internal ref number", "internal ref", "hbc ref no", "invoice number", "invoice no", "reference"],
        [SpendField.ServiceArea] = ["service area", "expense area", "service", "department", "directorate", "service label", "organisational unit",
            "directorate service where expenditure incurred", "department area", "service cost centre", "strgrpcc t", "service division label", "service divison label",
            "cost centre name"],
        [SpendField.ExpenseType] = ["expense type", "expenses type", "expenditure category", "expenditure catergory", "detailed expenditure type", "expenditure type",
            "account detail", "expenditure account code description", "g l description", "sercop expenditure category", "category family", "cipfsubs t",
            "merchant category", "expenditure unit", "account", "group description", "cost element"],
        [SpendField.Description] = ["description", "purpose of spend", "subj description", "narrative", "details", "line description"],
        [SpendField.SupplierCompanyNumber] = ["supplier registered company number", "company number", "company registration number", "companies house number",
            "supplier company number", "registered company number"],
        [SpendField.SupplierVatNumber] = ["vat reg no", "vat registration number", "vat number", "supplier vat number", "vat no", "vat registration no"],
        [SpendField.SupplierPostcode] = ["supplier postcode", "postcode", "post code", "supplier post code"],

        // Calderdale: "Proclass" (a code, empty in its files) beside "Procurement Classification: Council's Procurement
        // Category Name"; North Tyneside: "Procurement Classification" ("EDUCATIONAL SUPPLIES.SUPPLIES", a label with
        // no code); Salford's contracts register: "ProClass Classification" (a code) and "ProClass Description".
        [SpendField.ProClassCode] = ["proclass", "proclass code", "proclass classification", "procurement classification code", "proclass classification code"],
        [SpendField.ProClassLabel] = ["proclass description", "proclass label", "proclass classification description", "procurement classification",
            "procurement classification label", "procurement classification description", "procurement classification councils procurement category name",
            "procurement category name", "procurement category"],
    };

    /// <summary>
    /// Fields that say nothing about whether a row of headers is a spend file's, so <see cref="Score"/> leaves them out:
    /// contracts registers carry ProClass columns too (Salford's), and header detection stays as it was without them.
    /// </summary>
    private static readonly SpendField[] Unscored = [SpendField.ProClassCode, SpendField.ProClassLabel];

    /// <summary>
    /// A header reduced for matching: lower case, "£" and other symbols dropped, runs of anything else that is not a
    /// letter or digit read as one space, trimmed. "Name of  Body", " Amount ", "Net Amount(£)" and "Name:  " become
    /// "name of body", "amount", "net amount" and "name".
    /// </summary>
    public static string Key(string header)
    {
        var key = new StringBuilder(header.Length);
        var space = false;
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && key.Length > 0)
                {
                    key.Append(' ');
                }

                key.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is not '£' and not '\'')
            {
                space = true;
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// The mapping suggested by the header names: each field takes the first column whose name is one of its known
    /// names (in the order of preference above); no column serves two fields.
    /// </summary>
    public static SpendMapping Suggest(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(Key).ToList();
        var columns = Enumerable.Repeat(-1, Enum.GetValues<SpendField>().Length).ToArray();
        var taken = new HashSet<int>();
        foreach (var (field, names) in Names)
        {
            foreach (var name in names)
            {
                var index = keys.FindIndex(k => k == name);
                if (index >= 0 && taken.Add(index))
                {
                    columns[(int)field] = index;
                    break;
                }
            }
        }

        return new SpendMapping(columns);
    }

    /// <summary>How many fields a row of header candidates would map, the required ones counting double; for finding the header row.</summary>
    public static int Score(IReadOnlyList<string> cells)
    {
        var mapping = Suggest(cells);
        return Enum.GetValues<SpendField>().Except(Unscored).Sum(f => mapping.Has(f) ? (Required.Contains(f) ? 2 : 1) : 0);
    }

    /// <summary>
    /// The suggested mapping with a profile's choices laid over it: each field the profile names takes the column with
    /// that header (matched as <see cref="Key"/> does); an empty header in the profile means "this file has no such
    /// column". Returns the header names the profile gives that the file does not have.
    /// </summary>
    public SpendMapping Apply(IReadOnlyDictionary<SpendField, string> profile, IReadOnlyList<string> headers, out IReadOnlyList<string> missing)
    {
        var keys = headers.Select(Key).ToList();
        var result = (int[])columns.Clone();
        var notFound = new List<string>();
        foreach (var (field, header) in profile)
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                result[(int)field] = -1;
                continue;
            }

            var index = keys.IndexOf(Key(header));
            if (index < 0)
            {
                notFound.Add(header);
                continue;
            }

            for (var i = 0; i < result.Length; i++)
            {
                if (result[i] == index)
                {
                    result[i] = -1;
                }
            }

            result[(int)field] = index;
        }

        missing = notFound;
        return new SpendMapping(result);
    }
}
