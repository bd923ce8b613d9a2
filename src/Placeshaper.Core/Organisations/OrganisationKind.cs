namespace Placeshaper.Organisations;

/// <summary>The public bodies that commission together on one installation.</summary>
public enum OrganisationKind
{
    Council,
    NhsBody,
    Police,
    Fire,
    TownOrParishCouncil,
    OtherPublicBody,
}

public static class OrganisationKinds
{
    public static string Describe(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Council => "Council",
        OrganisationKind.NhsBody => "NHS body",
        OrganisationKind.Police => "Police",
        OrganisationKind.Fire => "Fire and rescue",
        OrganisationKind.TownOrParishCouncil => "Town or parish council",
        OrganisationKind.OtherPublicBody => "Other public body",
        _ => kind.ToString(),
    };
}
