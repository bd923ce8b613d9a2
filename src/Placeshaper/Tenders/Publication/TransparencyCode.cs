namespace Placeshaper.Tenders.Publication;

/// <summary>The Local Government Transparency Code's list of invitations to tender as a downloadable table (see <see cref="InvitationsToTender"/>).</summary>
public static class TransparencyCode
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "reference_number", "title", "description", "start_date", "end_date", "review_date", "department_responsible",
        "estimated_value_gbp_incl_vat", "route", "programme",
    ];

    public static Exports.Table Table(IReadOnlyList<InvitationsToTender.Row> rows) => new(
        "invitations to tender over 5000",
        Headers,
        rows.Select(r => (IReadOnlyList<object?>)[r.Reference, r.Title, r.Description, r.StartDate, r.EndDate, r.ReviewDate, r.DepartmentResponsible, r.EstimatedValue, Describe.Of(r.Route), r.Programme])
            .ToList());
}
