using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.People;

/// <summary>Gives a person roles at an organisation, creating their account when the email is new.</summary>
public sealed class AddMember(PlaceshaperDb db, UserManager<Person> people)
{
    /// <summary>As long as the column holds (<c>PersonConfiguration</c>).</summary>
    public const int MaxDisplayName = 200;

    public const int MaxPassword = 256;

    public sealed record Command(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, Guid? ProviderId = null, string? Password = null);

    /// <summary>What happened; <see cref="InitialPassword"/> is set only when an account was created without one given.</summary>
    public sealed record Outcome(Guid PersonId, string Email, bool AccountCreated, IReadOnlyList<string> RolesAdded, string? InitialPassword);

    public async Task<Result<Outcome>> HandleAsync(Guid organisationId, Command command, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var email = command.Email?.Trim() ?? "";
        if (!Emails.IsValid(email))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.org");
        }

        var roles = new List<Role>();
        if (command.Roles is not { Count: > 0 })
        {
            errors.Add("roles", "Choose at least one role");
        }
        else
        {
            foreach (var name in command.Roles)
            {
                if (Enum.TryParse<Role>(name, ignoreCase: true, out var role) && Enum.IsDefined(role))
                {
                    roles.Add(role);
                }
                else
                {
                    errors.Add("roles", $"'{name}' is not a role; roles are {string.Join(", ", Enum.GetNames<Role>())}");
                }
            }
        }

        if (roles.Contains(Role.Provider))
        {
            if (command.ProviderId is not { } providerId)
            {
                errors.Add("providerId", "Choose the provider this person acts for");
            }
            else if (!await db.Providers.AnyAsync(p => p.Id == providerId && p.OrganisationId == organisationId, cancellationToken))
            {
                errors.Add("providerId", "There is no such provider in this organisation's register");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var person = await people.FindByEmailAsync(email);
        string? initialPassword = null;
        var created = false;
        if (person is null)
        {
            if (string.IsNullOrWhiteSpace(command.DisplayName) || command.DisplayName.Trim().Length > MaxDisplayName)
            {
                return Errors.For("displayName", $"Enter the person's name, up to {MaxDisplayName} characters");
            }

            // Nobody types more; without a cap the field would take whatever a request can carry.
            if (command.Password is { Length: > MaxPassword })
            {
                return Errors.For("password", $"Use a password of up to {MaxPassword} characters");
            }

            var password = command.Password;
            if (string.IsNullOrEmpty(password))
            {
                password = initialPassword = GeneratePassword();
            }

            person = new Person { UserName = email, Email = email, DisplayName = command.DisplayName.Trim(), CreatedAt = now };
            var result = await people.CreateAsync(person, password);
            if (!result.Succeeded)
            {
                var failed = new Errors();
                foreach (var error in result.Errors)
                {
                    failed.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
                }

                return failed;
            }

            created = true;
        }

        var held = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.PersonId == person.Id && m.OrganisationId == organisationId)
            .Select(m => m.Role)
            .ToListAsync(cancellationToken);
        var added = roles.Distinct().Except(held).ToList();
        foreach (var role in added)
        {
            db.Memberships.Add(Membership.Grant(person.Id, organisationId, role, role == Role.Provider ? command.ProviderId : null, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(person.Id, email, created, added.Select(r => r.ToString()).ToList(), initialPassword);
    }

    /// <summary>Five random words' worth of entropy as 20 base-32 characters in groups, easy to read out.</summary>
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join("-", chars.Chunk(5).Select(c => new string(c)));
    }
}
