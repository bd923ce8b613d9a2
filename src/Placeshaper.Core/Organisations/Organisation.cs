using System.Text.RegularExpressions;

namespace Placeshaper.Organisations;

public sealed partial class Organisation
{
    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Short, stable, URL-safe name, e.g. <c>anytown</c>; used in every URL of the organisation.</summary>
    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Result<Organisation> Create(string slug, string name, OrganisationKind kind, DateTime now)
    {
        var errors = new Errors();
        slug = slug.Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
        {
            errors.Add("slug", "Enter a slug of 2 to 60 lower-case letters, digits and single hyphens, like anytown-icb");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Add("name", "Enter the organisation's name, up to 200 characters");
        }

        return errors.Any
            ? errors
            : new Organisation { Id = Guid.CreateVersion7(now), Slug = slug, Name = name.Trim(), Kind = kind, CreatedAt = now };
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,59}$")]
    private static partial Regex SlugPattern();
}
