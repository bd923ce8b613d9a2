using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Access;

public static class TokensCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Whose token: it acts as this person, with their roles", Required = true };
        var organisation = new Option<string?>("--org") { Description = "Narrow the token to one of the person's organisations" };
        var days = new Option<int>("--days") { Description = $"Days until it expires (1 to {IssueToken.MaxDays})", DefaultValueFactory = _ => IssueToken.DefaultDays };
        var name = new Option<string?>("--name") { Description = "What the token is for, e.g. 'finance system export'" };
        var create = new Command("create", "Create an API token for a person. The token is printed once, on the last line; only its hash is kept.")
        {
            email, organisation, days, name,
        };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using var scope = services.OperatorScope("tokens create");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            if (await OperatorServices.EnsureCurrentSchemaAsync(db, cancellationToken) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            var address = parse.GetValue(email)!.Trim();
            var normalised = address.ToUpperInvariant();
            var personId = await db.Users.Where(p => p.NormalizedEmail == normalised).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (personId is null)
            {
                await Console.Error.WriteLineAsync($"error: --email: nobody has the email address {address}.");
                return 2;
            }

            var viewer = scope.ServiceProvider.GetRequiredService<Viewer>();
            await ViewerLoader.LoadAsync(db, viewer, personId.Value, null, null, cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<IssueToken>()
                .HandleAsync(viewer, parse.GetValue(name), parse.GetValue(organisation), parse.GetValue(days), cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Errors.ByField)
                {
                    await Console.Error.WriteLineAsync($"error: --{(field == "organisation" ? "org" : field)}: {string.Join("; ", messages)}");
                }

                return 2;
            }

            var (token, secret) = result.Value;
            Console.WriteLine($"Token '{token.Name}' for {address}, expires {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Copy it now; it will not be shown again:");
            Console.WriteLine(secret);
            return 0;
        });
        return new Command("tokens", "API tokens.") { create };
    }
}
