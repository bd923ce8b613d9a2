using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public const int ReminderDays = 90;

    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(ContractAccess.Editors);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Supplier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Expiring { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ContractQueries.Register Register { get; private set; } = new([], 0, 0);

    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];

    public bool Filtered => Filter().Status is not null || Filter().SupplierType is not null || Filter().ExpiringWithinDays is not null || !string.IsNullOrWhiteSpace(Q);

    public string FilterQuery()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("status", Status);
        Add("supplier", Supplier);
        Add("expiring", Expiring);
        Add("q", Q);
        return string.Join("&", parts);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Expiring) && Filter().ExpiringWithinDays is null)
        {
            AddError("expiring", $"Enter a number of days from 0 to {ContractQueries.MaxDays}");
        }

        Register = await ContractQueries.RegisterAsync(db, context.Id, Filter(), cancellationToken);
        Reminders = await ContractQueries.RemindersAsync(db, context.Id, ReminderDays, cancellationToken);
    }

    /// <summary>The register as filtered, in the Transparency Code layout, which imports back.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken) =>
        ContractsTable.Of(await ContractQueries.RegisterAsync(db, context.Id, Filter(), cancellationToken)).ToFile(format);

    private ContractQueries.Filter Filter() => new(
        Enum.TryParse<ContractStatus>(Status, out var status) && Enum.IsDefined(status) && !int.TryParse(Status, out _) ? status : null,
        Enum.TryParse<SupplierType>(Supplier, out var type) && Enum.IsDefined(type) && !int.TryParse(Supplier, out _) ? type : null,
        int.TryParse(Expiring, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= ContractQueries.MaxDays ? days : null,
        Search: Q);
}
