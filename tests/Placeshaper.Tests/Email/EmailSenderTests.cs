using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Placeshaper.Email;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Email;

public sealed class EmailSenderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Waiting_emails_are_written_to_the_pickup_folder_and_then_forgotten()
    {
        app.RequireDatabase();
        var folder = Directory.CreateTempSubdirectory("placeshaper-outbox-").FullName;
        try
        {
            var anytown = await app.OrganisationIdAsync("anytown");
            var to = $"pickup.{Guid.NewGuid():N}@example.com";
            await app.WithDbAsync(async db =>
            {
                db.OutboundEmails.Add(OutboundEmail.Write(anytown, to, "Confirm your review", "Open this link: https://example.org/confirm", DateTime.UtcNow));
                return await db.SaveChangesAsync();
            });

            var sent = await EmailSender.SendWaitingAsync(app.Services.GetRequiredService<IServiceScopeFactory>(),
                new EmailSettings(EmailDelivery.Pickup, folder, null, 25, "reviews@anytown.example"), NullLogger.Instance, CancellationToken.None);

            sent.ShouldBeGreaterThanOrEqualTo(1);
            var written = Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).ShouldHaveSingleItem(); // the demo's outbox is empty
            written.ShouldContain($"To: {to}");
            written.ShouldContain("Subject: Confirm your review");
            (await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.To == to))).ShouldBe(0, "sent emails are deleted, addresses and all");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Settings_name_what_is_wrong()
    {
        var smtpWithoutHost = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Placeshaper:Email:Delivery"] = "Smtp" }).Build();
        Should.Throw<InvalidOperationException>(() => EmailSettings.Read(smtpWithoutHost)).Message.ShouldContain("Placeshaper:Email:SmtpHost");

        var unknown = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Placeshaper:Email:Delivery"] = "Pigeon" }).Build();
        Should.Throw<InvalidOperationException>(() => EmailSettings.Read(unknown)).Message.ShouldContain("Pigeon");

        EmailSettings.Read(new ConfigurationBuilder().Build()).ShouldBe(new EmailSettings(EmailDelivery.Pickup, "data/outbox", null, 25, "no-reply@placeshaper.invalid"));
    }
}
