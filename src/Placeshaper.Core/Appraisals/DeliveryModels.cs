using Placeshaper.Organisations;

namespace Placeshaper.Appraisals;

/// <summary>
/// The ways a service can be delivered, compared on their merits rather than ideology (Localis, "Catalyst Councils",
/// §5 and §7.1–7.2). The built-in catalogue is the range those reports describe; organisations add their own.
/// </summary>
public static class DeliveryModels
{
    public sealed record Model(string Code, string Name, string Description);

    public static readonly IReadOnlyList<Model> BuiltIn =
    [
        new("stop", "Stop or decommission", "Stop providing the service, or decommission it in favour of something else."),
        new("in-house", "In-house as now", "The council keeps delivering the service as it does today: the comparator."),
        new("in-house-redesigned", "In-house, redesigned", "The council keeps the service but changes how it is delivered."),
        new("outsource", "Outsource to a private provider", "A contract with a company after competition."),
        new("vcse", "Commission the voluntary and community sector", "Contracts or grants with charities, social enterprises and community groups."),
        new("shared-service", "Shared service with other councils", "Delivered jointly with, or by, other public bodies."),
        new("trading-company", "Local authority trading company", "A company owned by the council, trading with it and perhaps others."),
        new("mutual", "Employee-owned mutual spin-off", "Staff leave to run the service as a public service mutual."),
        new("joint-venture", "Joint venture or strategic partnership", "A jointly owned vehicle or long-term partnership with a private or voluntary partner."),
        new("community-led", "Co-operative or community-led delivery", "Residents or a co-operative run the service, including by community asset transfer."),
        new("grant", "Grant funding", "Funding others to deliver their own activity towards the outcome, rather than buying a specified service."),
    ];

    public static Model? Find(string code) => BuiltIn.FirstOrDefault(m => m.Code == code);
}

/// <summary>A delivery model an organisation added to the catalogue, e.g. "Alliance contract".</summary>
public sealed class CustomDeliveryModel : IOrganisationOwned
{
    private CustomDeliveryModel()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public static Result<CustomDeliveryModel> Add(Guid organisationId, string? name, string? description, DateTime now)
    {
        var errors = new Errors();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", "Enter the model's name, up to 200 characters");
        }

        if (description?.Length > 2000)
        {
            errors.Add("description", "The description can be up to 2,000 characters");
        }

        var code = "custom-" + new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (errors.Any)
        {
            return errors;
        }

        return new CustomDeliveryModel
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Code = code.Length > 60 ? code[..60] : code,
            Name = name,
            Description = description?.Trim() ?? "",
        };
    }

    public DeliveryModels.Model AsModel() => new(Code, Name, Description);
}
