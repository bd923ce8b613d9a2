namespace Placeshaper.Appraisals;

/// <summary>
/// The checks to make before a chosen delivery model goes ahead. A starting list, not legal advice: each names the
/// law or guidance it comes from so officers can read it, and the business case shows which have been done.
/// </summary>
public static class DueDiligence
{
    private static readonly (string Item, string Source)[] Always =
    [
        ("Legal power to deliver the service this way confirmed", "Localism Act 2011 s.1 (general power of competence) and the service's own statutes"),
        ("Equality impact assessed", "Equality Act 2010 s.149 (public sector equality duty)"),
        ("Budget and financial model signed off by the chief finance officer", "Local Government Act 1972 s.151"),
        ("Data protection impact assessed and data sharing agreed", "UK GDPR Article 35"),
        ("Exit arrangements agreed: handback of staff, data, assets and records", "Localis, \"Catalyst Councils\" (2012), §7.1"),
    ];

    private static readonly (string Item, string Source)[] NewProvider =
    [
        ("Procurement route confirmed and timetable set", "Procurement Act 2023"),
        ("Staff transfer and pensions assessed", "Transfer of Undertakings (Protection of Employment) Regulations 2006"),
        ("Market capacity and providers' financial standing checked", "Procurement Act 2023 s.22 (conditions of participation)"),
        ("Social value to be sought defined", "Public Services (Social Value) Act 2012"),
    ];

    private static readonly Dictionary<string, (string Item, string Source)[]> ByModel = new(StringComparer.Ordinal)
    {
        ["stop"] =
        [
            ("Statutory duties checked: nothing the council must provide is stopped", "The service's own statutes"),
            ("Service users and the public consulted before stopping", "Best value duty, Local Government Act 1999 s.3"),
        ],
        ["trading-company"] =
        [
            ("Exemption for contracts with a controlled company tested", "Procurement Act 2023 Schedule 2 (vertical arrangements)"),
            ("Company governance, shareholder agreement and business plan agreed", "Local Government Act 2003 s.95 (trading)"),
            ("Subsidy control assessed for council support to the company", "Subsidy Control Act 2022"),
        ],
        ["mutual"] =
        [
            ("Reserved contract for a public service mutual considered", "Procurement Act 2023 s.33"),
            ("Staff engagement and ballot on the spin-out", ""),
            ("Subsidy control assessed for start-up support", "Subsidy Control Act 2022"),
        ],
        ["shared-service"] =
        [
            ("Inter-authority agreement, governance and cost-sharing agreed", "Local Government Act 1972 ss.101 and 113"),
            ("Exemption for arrangements between public bodies tested", "Procurement Act 2023 Schedule 2 (horizontal arrangements)"),
        ],
        ["joint-venture"] =
        [
            ("Partner selection route and joint venture agreement agreed", "Procurement Act 2023"),
            ("Subsidy control assessed", "Subsidy Control Act 2022"),
        ],
        ["community-led"] =
        [
            ("Asset transfer valued; best consideration or a general consent relied on", "Local Government Act 1972 s.123"),
            ("Community group's governance and capacity checked", "Localism Act 2011 Part 5 (community right to challenge)"),
        ],
        ["grant"] =
        [
            ("Grant rather than contract justified: no specified service bought", "Procurement Act 2023 s.2 (meaning of public contract)"),
            ("Subsidy control assessed", "Subsidy Control Act 2022"),
            ("Grant agreement with outcomes, monitoring and clawback drafted", "Cabinet Office, Government Functional Standard GovS 015: Grants"),
        ],
    };

    private static readonly HashSet<string> BringsInANewProvider = new(StringComparer.Ordinal) { "outsource", "vcse", "mutual", "joint-venture", "community-led" };

    public static IReadOnlyList<(string Item, string Source)> For(string modelCode) =>
        Always
            .Concat(BringsInANewProvider.Contains(modelCode) ? NewProvider : [])
            .Concat(ByModel.TryGetValue(modelCode, out var own) ? own : [])
            .ToList();
}
