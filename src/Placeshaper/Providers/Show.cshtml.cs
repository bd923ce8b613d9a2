using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Providers;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db, SaveProvider save) : FormPage
{
    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(ProviderAccess.Editors);

    public ProviderQueries.Detail Detail { get; private set; } = null!;

    public ProviderQueries.Listed Provider => Detail.Provider;

    /// <summary>What was typed in "Add a member", kept when it is refused.</summary>
    public string? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid providerId, CancellationToken cancellationToken) =>
        await LoadAsync(providerId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMemberAsync(Guid providerId, string? member, bool lead, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var consortium = await save.FindAsync(context.Id, providerId, cancellationToken);
        if (consortium is null)
        {
            return NotFound();
        }

        var matches = await ProviderQueries.FindAsync(db, context.Id, member, cancellationToken);
        if (matches.Count == 1)
        {
            var set = await save.SetMemberAsync(consortium, matches[0].Id, lead, cancellationToken);
            if (set.Succeeded)
            {
                return Redirect($"/o/{context.Slug}/providers/{providerId}#members");
            }

            AddError("member", set.Errors.ByField.Values.First()[0]);
        }
        else
        {
            AddError("member", string.IsNullOrWhiteSpace(member) ? "Enter the member's name or registration number"
                : matches.Count == 0 ? $"No provider in the register is called '{member.Trim()}' or has that number: add it to the register first"
                : $"{matches.Count} providers match '{member.Trim()}': enter its Companies House, charity or VAT number instead");
        }

        Member = member;
        await LoadAsync(providerId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLeadAsync(Guid providerId, Guid memberId, CancellationToken cancellationToken) =>
        await ChangeMembershipAsync(providerId, memberId, async consortium => (await save.SetMemberAsync(consortium, memberId, true, cancellationToken)).Succeeded, cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid providerId, Guid memberId, CancellationToken cancellationToken) =>
        await ChangeMembershipAsync(providerId, memberId, consortium => save.RemoveMemberAsync(consortium, memberId, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeMembershipAsync(Guid providerId, Guid memberId, Func<Providers.Provider, Task<bool>> change, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var consortium = await save.FindAsync(context.Id, providerId, cancellationToken);
        if (consortium is null || consortium.Members.All(m => m.MemberId != memberId))
        {
            return NotFound();
        }

        await change(consortium);
        return Redirect($"/o/{context.Slug}/providers/{providerId}#members");
    }

    /// <summary>A consortium's members as a table to take away.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid providerId, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(providerId, cancellationToken))
        {
            return NotFound();
        }

        return new Exports.Table($"{Provider.Name} members", ["member", "legal_form", "role", "vcse", "sme"],
            Detail.Members.Select(m => (IReadOnlyList<object?>)[m.Name, ProviderText.Form(m.LegalForm), m.IsLead ? "Lead member" : "Member", m.IsVcse ? "yes" : "no", m.IsSme is null ? "unknown" : m.IsSme.Value ? "yes" : "no"]).ToList())
            .ToFile(format);
    }

    private async Task<bool> LoadAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var detail = await ProviderQueries.DetailAsync(db, context.Id, providerId, cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        return true;
    }
}
