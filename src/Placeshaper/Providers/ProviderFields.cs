namespace Placeshaper.Providers;

/// <summary>What <c>_ProviderFields.cshtml</c> renders: the fields of a provider, new or changed.</summary>
/// <param name="AllowConsortium">False where a consortium cannot be entered: suppliers registering themselves register each member.</param>
public sealed record ProviderFields(ProviderForm Input, Func<string, string?> ErrorFor, bool IsNew, bool AllowConsortium = true);
