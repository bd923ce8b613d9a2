using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Spend;

/// <summary>
/// What one expense type in the organisation's spend is, as a spend category: a CPV 2008 code validated against the
/// list (<see cref="CpvCodes"/>), and/or a ProClass code and label as the officer enters them. No ProClass list is
/// shipped, because no authoritative copy could be obtained: codes and labels are the organisation's own, never
/// invented here. Mapped per organisation by the expense type's key (<see cref="Key"/>) and applied at query time, so
/// a change of mapping reclassifies all past spend at once.
/// </summary>
public sealed class SpendCategory : IOrganisationOwned
{
    public const int MaxProClassCode = 40;
    public const int MaxProClassLabel = 200;

    private SpendCategory()
    {
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>The expense type normalised (<see cref="Key"/>): what the mapping is found by.</summary>
    public string ExpenseKey { get; private set; } = "";

    /// <summary>The expense type as the spend or the mapping file wrote it.</summary>
    public string ExpenseType { get; private set; } = "";

    /// <summary>The CPV code with its check digit, as the list writes it ("90911200-8").</summary>
    public string? CpvCode { get; private set; }

    public string? ProClassCode { get; private set; }

    public string? ProClassLabel { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>"  Agency   staff " and "AGENCY STAFF" are one expense type: trimmed, runs of spaces as one, upper case.</summary>
    public static string Key(string? expenseType) =>
        string.Join(' ', (expenseType ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>A mapping checked: the CPV code in the list, the ProClass code and label within their lengths; errors under <paramref name="prefix"/>.</summary>
    public static Result<(string Key, string ExpenseType, CpvCodes.Code? Cpv, string? ProClassCode, string? ProClassLabel)> Check(
        string? expenseType, string? cpvCode, string? proClassCode, string? proClassLabel, string prefix = "")
    {
        var errors = new Errors();
        var written = string.Join(' ', (expenseType ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (written.Length == 0)
        {
            errors.Add(prefix + "expenseType", "Enter the expense type as it appears in spend");
        }
        else if (written.Length > SpendLimits.Text)
        {
            errors.Add(prefix + "expenseType", $"Enter an expense type of at most {SpendLimits.Text} characters");
        }

        CpvCodes.Code? cpv = null;
        if (!string.IsNullOrWhiteSpace(cpvCode))
        {
            cpv = CpvCodes.Find(cpvCode);
            if (cpv is null)
            {
                errors.Add(prefix + "cpvCode", $"'{cpvCode.Trim()}' is not a CPV 2008 code: enter eight digits, with or without the check digit, like 90911200-8");
            }
        }

        var code = Blank(proClassCode);
        var label = Blank(proClassLabel);
        if (code?.Length > MaxProClassCode)
        {
            errors.Add(prefix + "proClassCode", $"Enter a ProClass code of at most {MaxProClassCode} characters");
        }

        if (label?.Length > MaxProClassLabel)
        {
            errors.Add(prefix + "proClassLabel", $"Enter a ProClass label of at most {MaxProClassLabel} characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        return (Key(written), written, cpv, code, label);
    }

    public static SpendCategory For(Guid organisationId, string key, string expenseType) => new() { OrganisationId = organisationId, ExpenseKey = key, ExpenseType = expenseType };

    /// <summary>True when the mapping changed.</summary>
    public bool Set(string expenseType, CpvCodes.Code? cpv, string? proClassCode, string? proClassLabel, DateTime now)
    {
        if (ExpenseType == expenseType && CpvCode == cpv?.Value && ProClassCode == proClassCode && ProClassLabel == proClassLabel)
        {
            return false;
        }

        ExpenseType = expenseType;
        CpvCode = cpv?.Value;
        ProClassCode = proClassCode;
        ProClassLabel = proClassLabel;
        UpdatedAt = now;
        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
