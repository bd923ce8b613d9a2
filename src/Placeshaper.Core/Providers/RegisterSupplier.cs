using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.People;

namespace Placeshaper.Providers;

/// <summary>
/// Suppliers registering to use an organisation's portal, and officers deciding who they act for. Registering makes
/// the person's account (unless they have one: then it is used, its password untouched, and the page says the same
/// either way, so the form never tells anyone whether an address has an account).
/// </summary>
public sealed class RegisterSupplier(PlaceshaperDb db, UserManager<Person> people)
{
    public sealed record Command(string? ContactName, string? Email, string? Password, ProviderDetails Details);

    public async Task<Result<SupplierRegistration>> SubmitAsync(Guid organisationId, Command command, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var email = command.Email?.Trim() ?? "";
        if (!Emails.IsValid(email))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.org");
        }

        if (string.IsNullOrWhiteSpace(command.ContactName) || command.ContactName.Trim().Length > SupplierRegistration.MaxName)
        {
            errors.Add("contactName", $"Enter your name, up to {SupplierRegistration.MaxName} characters");
        }

        var details = command.Details.Check();
        if (!details.Succeeded)
        {
            foreach (var (field, messages) in details.Errors.ByField)
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (details.Succeeded && details.Value.IsConsortium)
        {
            errors.Add("isConsortium", "Register each member of a consortium on its own; the council records the consortium");
        }

        if (errors.Any)
        {
            return errors;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var person = await people.FindByEmailAsync(email);
        if (person is null)
        {
            person = new Person { UserName = email, Email = email, DisplayName = command.ContactName!.Trim(), CreatedAt = now };
            var created = await people.CreateAsync(person, command.Password ?? "");
            if (!created.Succeeded)
            {
                var failed = new Errors();
                foreach (var error in created.Errors)
                {
                    failed.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
                }

                return failed;
            }
        }

        // Asking twice while the first request waits is one request.
        var waiting = await db.SupplierRegistrations.IgnoreQueryFilters()
            .SingleOrDefaultAsync(r => r.OrganisationId == organisationId && r.PersonId == person.Id && r.Status == RegistrationStatus.Pending, cancellationToken);
        if (waiting is not null)
        {
            return waiting;
        }

        var submitted = SupplierRegistration.Submit(organisationId, person.Id, email, command.ContactName, details.Value!, now);
        if (!submitted.Succeeded)
        {
            return submitted;
        }

        var registration = submitted.Value;
        db.SupplierRegistrations.Add(registration);
        db.RecordDecision(new AuditDecision(organisationId, "supplier-registered", nameof(SupplierRegistration), registration.Id.ToString(),
            After: JsonSerializer.Serialize(new { supplier = registration.SupplierName, email })));
        await db.SaveChangesAsync(cancellationToken);
        return registration;
    }

    /// <summary>
    /// Approves a registration for an existing provider in the register, or for a new one made from the details given
    /// (refused when the register already holds that provider: the officer links to it instead).
    /// </summary>
    public async Task<Result<Provider>> ApproveAsync(SupplierRegistration registration, Guid? providerId, Guid officerId, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        Provider provider;
        if (providerId is { } id)
        {
            var existing = await db.Providers.SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == registration.OrganisationId, cancellationToken);
            if (existing is null)
            {
                return Errors.For("providerId", "Choose a provider in this organisation's register");
            }

            provider = existing;
        }
        else
        {
            var details = registration.Details;
            var others = await ProviderDuplicates.LoadAsync(db, registration.OrganisationId, cancellationToken);
            if (ProviderDuplicates.Find(details.Identity(null), others) is { } duplicate)
            {
                return Errors.For("providerId", $"{duplicate}. Link the registration to it instead.");
            }

            provider = Provider.Register(registration.OrganisationId, details, now);
            db.Providers.Add(provider);
        }

        if (registration.Approve(provider.Id, officerId, now) is { } errors)
        {
            return errors;
        }

        var held = await db.Memberships.IgnoreQueryFilters()
            .AnyAsync(m => m.PersonId == registration.PersonId && m.OrganisationId == registration.OrganisationId && m.Role == Role.Provider, cancellationToken);
        if (held)
        {
            return Errors.For("status", "This person already acts for a provider of this organisation");
        }

        db.Memberships.Add(Membership.Grant(registration.PersonId, registration.OrganisationId, Role.Provider, provider.Id, now));
        db.RecordDecision(new AuditDecision(registration.OrganisationId, "supplier-registration-approved", nameof(SupplierRegistration), registration.Id.ToString(),
            After: JsonSerializer.Serialize(new { provider = provider.Id, providerName = provider.Name, person = registration.PersonId, newProvider = providerId is null })));
        await db.SaveChangesAsync(cancellationToken);
        return provider;
    }

    public async Task<Errors?> RejectAsync(SupplierRegistration registration, string? reason, Guid officerId, CancellationToken cancellationToken)
    {
        if (registration.Reject(reason, officerId, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        db.RecordDecision(new AuditDecision(registration.OrganisationId, "supplier-registration-rejected", nameof(SupplierRegistration), registration.Id.ToString(),
            After: JsonSerializer.Serialize(new { reason = registration.Reason })));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
