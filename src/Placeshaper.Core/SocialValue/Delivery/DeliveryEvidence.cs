using System.Security.Cryptography;
using Placeshaper.Organisations;

namespace Placeshaper.SocialValue.Delivery;

/// <summary>A file that backs up a social value report: a list of apprentices, a volunteering log, a photograph. Kept with its SHA-256, as tender documents are.</summary>
public sealed class DeliveryEvidence : IOrganisationOwned
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    private DeliveryEvidence()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ReportId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public int Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public DateTime AddedAt { get; private set; }

    internal static Result<DeliveryEvidence> Create(DeliveryReport report, string? fileName, byte[]? content, string field, DateTime now)
    {
        var errors = new Errors();
        var accepted = OfficeDocuments.Accept(fileName);
        if (accepted is null)
        {
            errors.Add(field + ".fileName", OfficeDocuments.Rule);
        }

        if (content is not { Length: > 0 })
        {
            errors.Add(field + ".content", "The file is empty");
        }
        else if (content.Length > MaxBytes)
        {
            errors.Add(field + ".content", $"The file is larger than {MaxBytes / 1024 / 1024} MB");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new DeliveryEvidence
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = report.OrganisationId,
            ReportId = report.Id,
            FileName = accepted!.Value.Name,
            ContentType = accepted.Value.ContentType,
            Content = content!,
            Size = content!.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            AddedAt = now,
        };
    }
}
