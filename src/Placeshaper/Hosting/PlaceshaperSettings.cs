using Placeshaper.Data;

namespace Placeshaper.Hosting;

/// <summary>What an installation was started with.</summary>
public sealed record PlaceshaperSettings(DatabaseProvider Provider, string ConnectionString, bool DemoMode)
{
    /// <summary>Request bodies above this are refused with 413; an upload endpoint may declare its own limit (see <see cref="RequestSizeLimit"/>).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;
}
