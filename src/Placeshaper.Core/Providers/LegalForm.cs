namespace Placeshaper.Providers;

/// <summary>What kind of body a provider is in law. Stored by name, so members must not be renamed.</summary>
public enum LegalForm
{
    /// <summary>A company registered at Companies House (limited by shares or guarantee, public or private, LLPs excepted).</summary>
    Company,

    /// <summary>A registered charity, including a charitable company and an unincorporated charity.</summary>
    Charity,

    /// <summary>A charitable incorporated organisation (CIO, or SCIO in Scotland).</summary>
    CharitableIncorporatedOrganisation,

    /// <summary>A community interest company.</summary>
    CommunityInterestCompany,

    /// <summary>A co-operative or mutual: a registered society (co-operative or community benefit society), a mutual.</summary>
    CooperativeOrMutual,

    /// <summary>A public body: a council, an NHS trust, a school, a university, another public authority.</summary>
    PublicBody,

    SoleTrader,

    /// <summary>A partnership, a limited partnership or a limited liability partnership (LLP).</summary>
    Partnership,
}

public static class LegalForms
{
    /// <summary>The short codes used in Placeshaper's provider CSV, in the order forms list them.</summary>
    public static readonly IReadOnlyList<(LegalForm Form, string Code)> Codes =
    [
        (LegalForm.Company, "company"),
        (LegalForm.Charity, "charity"),
        (LegalForm.CharitableIncorporatedOrganisation, "cio"),
        (LegalForm.CommunityInterestCompany, "cic"),
        (LegalForm.CooperativeOrMutual, "cooperative"),
        (LegalForm.PublicBody, "public_body"),
        (LegalForm.SoleTrader, "sole_trader"),
        (LegalForm.Partnership, "partnership"),
    ];

    public static string Describe(this LegalForm form) => form switch
    {
        LegalForm.Company => "Company",
        LegalForm.Charity => "Charity",
        LegalForm.CharitableIncorporatedOrganisation => "Charitable incorporated organisation (CIO)",
        LegalForm.CommunityInterestCompany => "Community interest company (CIC)",
        LegalForm.CooperativeOrMutual => "Co-operative or mutual",
        LegalForm.PublicBody => "Public body",
        LegalForm.SoleTrader => "Sole trader",
        LegalForm.Partnership => "Partnership",
        _ => form.ToString(),
    };

    public static string Code(this LegalForm form) => Codes.Single(c => c.Form == form).Code;

    /// <summary>Reads a code ("cic"), a name ("CommunityInterestCompany") or a description, ignoring case; null when it is none.</summary>
    public static LegalForm? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        foreach (var (form, code) in Codes)
        {
            if (string.Equals(trimmed, code, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, form.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, form.Describe(), StringComparison.OrdinalIgnoreCase))
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a provider of this form is likely to be a voluntary, community or social enterprise (VCSE): charities,
    /// CIOs, CICs, co-operatives and mutuals. Only a suggestion: whether a provider is VCSE is for a person to say.
    /// </summary>
    public static bool SuggestsVcse(this LegalForm form) =>
        form is LegalForm.Charity or LegalForm.CharitableIncorporatedOrganisation or LegalForm.CommunityInterestCompany or LegalForm.CooperativeOrMutual;

    /// <summary>
    /// The legal form a Companies House "CompanyCategory" stands for (BasicCompanyData), e.g. "Community Interest
    /// Company" or "PRI/LTD BY GUAR/NSC (Private, limited by guarantee, no share capital)". Every other category on the
    /// register (private and public companies, royal charter and overseas companies) is a company.
    /// </summary>
    public static LegalForm FromCompanyCategory(string? category)
    {
        var text = category?.Trim() ?? "";
        bool Has(string words) => text.Contains(words, StringComparison.OrdinalIgnoreCase);
        return Has("Community Interest Company") ? LegalForm.CommunityInterestCompany
            : Has("Charitable Incorporated Organisation") ? LegalForm.CharitableIncorporatedOrganisation
            : Has("Registered Society") || Has("Industrial and Provident") ? LegalForm.CooperativeOrMutual
            : Has("Partnership") ? LegalForm.Partnership
            : LegalForm.Company;
    }
}
