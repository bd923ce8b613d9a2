namespace Placeshaper.Providers;

/// <summary>What <c>_ProviderFields.cshtml</c> renders: the fields of a provider, new or changed.</summary>
public sealed record ProviderFields(ProviderForm Input, Func<string, string?> ErrorFor, bool IsNew);
