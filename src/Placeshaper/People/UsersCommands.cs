using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.People;

public static class UsersCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person's email address (their sign-in name)", Required = true };
        var name = new Option<string?>("--name") { Description = "Their name, as shown to others (needed for a new account)" };
        var organisation = new Option<string>("--org") { Description = "Slug of the organisation, e.g. anytown", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "Role(s) at the organisation: " + string.Join(", ", Enum.GetNames<Role>()),
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var password = new Option<string?>("--password") { Description = "Initial password (at least 12 characters); omitted, one is generated and printed" };
        var add = new Command("add", "Create a person's account (or find it by email) and give them roles at an organisation.")
        {
            email, name, organisation, roles, password,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using var scope = services.OperatorScope("users add");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            if (await OperatorServices.EnsureCurrentSchemaAsync(db, cancellationToken) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            var slug = parse.GetValue(organisation)!.Trim().ToLowerInvariant();
            var organisationId = await db.Organisations.Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organisationId is null)
            {
                await Console.Error.WriteLineAsync($"error: --org: there is no organisation '{slug}'.");
                return 2;
            }

            var result = await scope.ServiceProvider.GetRequiredService<AddMember>().HandleAsync(
                organisationId.Value,
                new AddMember.Command(parse.GetValue(email), parse.GetValue(name), parse.GetValue(roles), null, parse.GetValue(password)),
                cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Errors.ByField)
                {
                    foreach (var message in messages)
                    {
                        await Console.Error.WriteLineAsync($"error: --{field}: {message}");
                    }
                }

                return 2;
            }

            var outcome = result.Value;
            Console.WriteLine($"{(outcome.AccountCreated ? "Created" : "Found")} {outcome.Email}; roles added at {slug}: {(outcome.RolesAdded.Count == 0 ? "none (already held)" : string.Join(", ", outcome.RolesAdded))}");
            if (outcome.InitialPassword is not null)
            {
                Console.WriteLine($"Initial password (shown once): {outcome.InitialPassword}");
            }

            return 0;
        });
        return new Command("users", "People and their roles.") { add };
    }
}
