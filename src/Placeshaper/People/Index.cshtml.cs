using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.People;

[RequiresRole(Role.Administrator)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db, AddMember addMember) : FormPage
{
    public sealed record MemberRow(string DisplayName, string Email, IReadOnlyList<Role> Roles);

    public sealed class AddInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    [BindProperty]
    public AddInput Input { get; set; } = new();

    public string OrganisationName => context.Current.Name;

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    /// <summary>Provider users are added from the provider register, where the provider they act for is chosen.</summary>
    public IReadOnlyList<Role> AssignableRoles { get; } = Enum.GetValues<Role>().Where(r => r != Role.Provider).ToList();

    [TempData]
    public string? Added { get; set; }

    [TempData]
    public string? InitialPassword { get; set; }

    public string Slug => context.Slug;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The people and their roles here, as the page lists them; nothing about their accounts' secrets.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return new Exports.Table("people", ["name", "email", "roles"],
            Members.Select(m => (IReadOnlyList<object?>)[m.DisplayName, m.Email, string.Join("; ", m.Roles.Select(r => r.ToString()))]).ToList()).ToFile(format);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await addMember.HandleAsync(
            context.Id,
            new AddMember.Command(Input.Email, Input.DisplayName, Input.Roles.Where(r => r != nameof(Role.Provider)).ToList()),
            cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = result.Value;
        Added = outcome.RolesAdded.Count == 0
            ? $"{outcome.Email} already had those roles"
            : $"{outcome.Email} now has the {(outcome.RolesAdded.Count == 1 ? "role" : "roles")} {string.Join(", ", outcome.RolesAdded)}";
        InitialPassword = outcome.InitialPassword;
        return RedirectToPage(new { org = context.Slug });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var people = await MemberQueries.People(db, context.Id).ToListAsync(cancellationToken);
        var roles = await MemberQueries.RolesAsync(db, context.Id, people.Select(p => p.Id).ToList(), cancellationToken);
        Members = people.Select(p => new MemberRow(p.DisplayName, p.Email, roles[p.Id].ToList())).ToList();
    }
}
