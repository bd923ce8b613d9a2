using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;

namespace Placeshaper.Email;

/// <summary>
/// An email Placeshaper has to send, written in the same transaction as the change that needs it, so that a review is
/// never saved without its confirmation email, nor an email sent for a review that was not saved. The web host's
/// delivery service sends it and then deletes it, so that addresses are not kept once the email has gone.
/// </summary>
public sealed class OutboundEmail : IOrganisationOwned
{
    public const int MaxSubject = 200;
    public const int MaxBody = 8000;

    private OutboundEmail()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>Plain text: every email client shows it and none runs it.</summary>
    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>How many times sending has failed; the delivery service stops trying after a few.</summary>
    public int Attempts { get; private set; }

    public static OutboundEmail Write(Guid organisationId, string to, string subject, string body, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        To = to.Trim(),
        Subject = subject.Length > MaxSubject ? subject[..MaxSubject] : subject,
        Body = body.Length > MaxBody ? body[..MaxBody] : body,
        CreatedAt = now,
    };

    public void Failed() => Attempts++;
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.ToTable("outbound_emails");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(OutboundEmail.MaxSubject);
        builder.Property(e => e.Body).HasMaxLength(OutboundEmail.MaxBody);
        builder.HasIndex(e => e.CreatedAt);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
